import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step (backend pom, process-classes): gives every nullable reference in the OpenAPI document
 * micronaut-openapi generated the {@code type} of the schema it references.
 * <p>
 * micronaut-openapi writes a nullable reference in the OpenAPI 3.0 idiom {@code nullable: true} +
 * {@code allOf: [$ref]} without {@code type}, and OpenAPI 3.0 says {@code nullable} has no effect
 * without one (Redocly's {@code nullable-type-sibling}). The type is the referenced schema's own
 * ({@code string} for an enum, {@code object} for a record), so the document says nothing new and the
 * console's generated client is the same. Its 3.1 output is no way out (it writes
 * {@code type: [integer, 'null', object]}). Idempotent: a schema that has a type is left alone, so an
 * incremental build that did not regenerate the document changes nothing.
 * <p>
 * Run with the JDK alone (a single-file program, no libraries): {@code java OpenApiNullableTypes.java <document.yml | directory>}.
 * It works on the text, line by line, in the block style micronaut-openapi writes, and fails the
 * build when a nullable reference's type cannot be found, rather than publish a document it did not fix.
 */
public class OpenApiNullableTypes {

    private static final Pattern KEY = Pattern.compile("^( *)(\"?[^\\s\"]+\"?):\\s*(.*)$");
    private static final Pattern REF = Pattern.compile("^( *)- \\$ref: \"?#/components/schemas/([^\"]+)\"?\\s*$");

    /** {@code args[0]}: a document, or the directory micronaut-openapi writes them to (each {@code *.yml} in it). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java OpenApiNullableTypes.java <openapi.yml | directory>");
            System.exit(2);
        }
        Path target = Path.of(args[0]);
        List<Path> documents;
        if (Files.isDirectory(target)) {
            try (var files = Files.list(target)) {
                documents = files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
            }
        } else {
            documents = List.of(target);
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("no OpenAPI document in " + target);
        }
        for (Path file : documents) {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            int added = addTypes(lines);
            Files.write(file, lines, StandardCharsets.UTF_8);
            System.out.println("OpenApiNullableTypes: " + added + " nullable reference(s) given their type in " + file.getFileName());
        }
    }

    static int addTypes(List<String> lines) {
        Map<String, String> types = schemaTypes(lines);
        int added = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (!key.matches() || !key.group(2).equals("nullable") || !key.group(3).equals("true")) {
                continue;
            }
            int indent = key.group(1).length();
            // The mapping nullable belongs to: the lines around it indented at least as far.
            int start = i;
            while (start > 0 && indent(lines.get(start - 1)) >= indent) {
                start--;
            }
            int end = i + 1;
            while (end < lines.size() && indent(lines.get(end)) >= indent) {
                end++;
            }
            boolean typed = false;
            List<String> allOf = null;
            for (int j = start; j < end; j++) {
                Matcher sibling = KEY.matcher(lines.get(j));
                if (!sibling.matches() || sibling.group(1).length() != indent) {
                    continue;
                }
                typed |= sibling.group(2).equals("type");
                if (sibling.group(2).equals("allOf")) {
                    allOf = new ArrayList<>();
                    // Block style as written: the items' dashes sit at the key's indent.
                    for (int k = j + 1; k < end; k++) {
                        String line = lines.get(k);
                        if (indent(line) == indent) {
                            if (!line.stripLeading().startsWith("- ")) {
                                break;
                            }
                            allOf.add(line);
                        }
                    }
                }
            }
            if (typed || allOf == null || allOf.size() != 1) {
                continue;
            }
            Matcher ref = REF.matcher(allOf.get(0));
            if (!ref.matches()) {
                continue;
            }
            String type = types.get(ref.group(2));
            if (type == null) {
                throw new IllegalStateException("line " + (i + 1) + ": nullable reference to " + ref.group(2)
                        + ", whose type is not in the document");
            }
            lines.add(i, " ".repeat(indent) + "type: " + type);
            added++;
            i++;
        }
        return added;
    }

    private static int indent(String line) {
        return line.isBlank() ? Integer.MAX_VALUE : line.length() - line.stripLeading().length();
    }

    /** Name → type of each schema under components.schemas; a schema with properties and no type is an object. */
    static Map<String, String> schemaTypes(List<String> lines) {
        Map<String, String> types = new HashMap<>();
        int components = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("components:")) {
                components = i;
                break;
            }
        }
        if (components < 0) {
            return types;
        }
        int schemas = -1;
        for (int i = components + 1; i < lines.size() && (lines.get(i).isEmpty() || lines.get(i).startsWith(" ")); i++) {
            if (lines.get(i).equals("  schemas:")) {
                schemas = i;
                break;
            }
        }
        if (schemas < 0) {
            return types;
        }
        String name = null;
        boolean hasProperties = false;
        for (int i = schemas + 1; i < lines.size() && (lines.get(i).isEmpty() || lines.get(i).startsWith("   ")); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (!key.matches()) {
                continue;
            }
            if (key.group(1).length() == 4) {
                if (name != null && hasProperties) {
                    types.putIfAbsent(name, "object");
                }
                name = key.group(2).replace("\"", "");
                hasProperties = false;
            } else if (key.group(1).length() == 6 && name != null) {
                if (key.group(2).equals("type")) {
                    types.putIfAbsent(name, key.group(3).replace("\"", ""));
                } else if (key.group(2).equals("properties")) {
                    hasProperties = true;
                }
            }
        }
        if (name != null && hasProperties) {
            types.putIfAbsent(name, "object");
        }
        return types;
    }
}
