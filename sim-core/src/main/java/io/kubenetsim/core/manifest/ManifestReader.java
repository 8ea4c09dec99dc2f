package io.kubenetsim.core.manifest;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubenetsim.manifest.ManifestSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests — YAML or JSON, one or many documents per file, files or folders —
 * into model records, reporting problems as kubectl and kube-apiserver word them.
 *
 * <p>Steps, per file: cut YAML at {@code ---} lines ({@link DocumentSplitter}) or read a JSON
 * stream; parse each document into a tree, noting duplicate keys ({@link TreeReader}); check
 * {@code apiVersion} and {@code kind}, expand {@code kind: List}, and decode with the kind's
 * {@link KindDecoder} ({@link DocumentDecoder}). Empty and {@code null} documents are skipped
 * but still counted, so document numbers match the file as written. Every problem of every
 * document is collected; if there is any, one {@link ManifestDecodeException} lists them all,
 * one per line, and nothing is returned.
 *
 * <p>Decoding applies upstream's defaults but no validation: a port of 0 or a bad name is
 * returned as written for the validation layer to report. A namespaced object written without a
 * namespace has namespace {@code ""}; the caller substitutes the apply's default namespace.
 *
 * <pre>{@code
 * ManifestReader reader = new ManifestReader();
 * List<ManifestDocument> docs = reader.read(Path.of("manifests"));  // *.yaml, *.yml, *.json
 * List<ManifestDocument> more = reader.read("apiVersion: v1\nkind: Namespace\n...", "inline");
 * }</pre>
 *
 * <p>Immutable and stateless between calls; deterministic (folders are read in sorted path
 * order).
 */
public final class ManifestReader {
  private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

  private final DocumentDecoder decoder;
  private final YAMLFactory yaml = YAMLFactory.builder().build();
  private final JsonFactory json = JsonFactory.builder().build();

  /** A reader of the built-in kinds ({@link KindRegistry#defaults()}). */
  public ManifestReader() {
    this(KindRegistry.defaults());
  }

  /** A reader of the kinds in this registry. */
  public ManifestReader(KindRegistry kinds) {
    this.decoder = new DocumentDecoder(kinds);
  }

  /**
   * Reads files, and every {@code .yaml}, {@code .yml} and {@code .json} file under folders
   * (recursively, in sorted path order), in the order given.
   *
   * @throws ManifestDecodeException listing every problem of every document, if any
   */
  public List<ManifestDocument> read(Path... filesOrFolders) {
    ReadBatch batch = new ReadBatch();
    for (Path path : filesOrFolders) {
      if (!Files.exists(path)) {
        batch.fileProblem(path.toString(), "the path \"" + path + "\" does not exist");
      } else if (Files.isDirectory(path)) {
        List<Path> files = manifestFiles(path);
        if (files.isEmpty()) {
          batch.fileProblem(path.toString(), "error reading [" + path
              + "]: recognized file extensions are [.json .yaml .yml]");
        }
        files.forEach(file -> readFile(file, batch));
      } else {
        readFile(path, batch);
      }
    }
    return batch.result();
  }

  /**
   * Reads manifest text; {@code sourceName} stands for the file name in sources and messages.
   *
   * @throws ManifestDecodeException listing every problem of every document, if any
   */
  public List<ManifestDocument> read(String text, String sourceName) {
    checkArgument(text != null && sourceName != null, "text and source name must not be null");
    ReadBatch batch = new ReadBatch();
    readText(text, sourceName, batch);
    return batch.result();
  }

  private void readFile(Path file, ReadBatch batch) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      batch.fileProblem(file.toString(), "error reading \"" + file + "\": " + e.getMessage());
      return;
    }
    readText(text, file.toString(), batch);
  }

  private void readText(String text, String file, ReadBatch batch) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (content.stripLeading().startsWith("{")) {
      readJson(content, file, batch);
    } else {
      readYaml(content, file, batch);
    }
  }

  private void readYaml(String text, String file, ReadBatch batch) {
    for (DocumentSplitter.Chunk chunk : DocumentSplitter.split(text)) {
      if (!chunk.badSeparator().isEmpty()) {
        batch.syntaxError(file, chunk.index(),
            "invalid Yaml document separator: " + chunk.badSeparator());
        continue;
      }
      try (JsonParser parser = yaml.createParser(chunk.text())) {
        if (parser.nextToken() == null) {
          continue;
        }
        List<String> duplicates = new ArrayList<>();
        var tree = TreeReader.read(parser, "", duplicates);
        if (!tree.isNull()) {
          decoder.decode(tree, duplicates, new ManifestSource(file, chunk.index()), batch);
        }
      } catch (JacksonException e) {
        batch.syntaxError(file, chunk.index(), SyntaxErrors.yaml(e));
      } catch (IOException e) {
        throw new UncheckedIOException("reading text cannot fail: " + file, e);
      }
    }
  }

  /** Reads a stream of JSON values; each is a document. A syntax error ends the stream. */
  private void readJson(String text, String file, ReadBatch batch) {
    int index = 0;
    try (JsonParser parser = json.createParser(text)) {
      while (true) {
        index++;
        if (parser.nextToken() == null) {
          return;
        }
        List<String> duplicates = new ArrayList<>();
        var tree = TreeReader.read(parser, "", duplicates);
        if (!tree.isNull()) {
          decoder.decode(tree, duplicates, new ManifestSource(file, index), batch);
        }
      }
    } catch (JacksonException e) {
      batch.syntaxError(file, index, SyntaxErrors.json(e));
    } catch (IOException e) {
      throw new UncheckedIOException("reading text cannot fail: " + file, e);
    }
  }

  static List<Path> manifestFiles(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> EXTENSIONS.stream().anyMatch(p.getFileName().toString()::endsWith))
          .sorted()
          .collect(Collectors.toCollection(ArrayList::new));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list manifest folder " + folder, e);
    }
  }
}
