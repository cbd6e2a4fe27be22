package dev.llmfleet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Human tables by default; JSON (the API's own shapes) for scripts. */
public final class Output {

    public enum Format {
        table,
        json
    }

    private static final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper compact = JsonMapper.builder().build();

    private final Format format;
    private final PrintWriter out;

    public Output(Format format, PrintWriter out) {
        this.format = format;
        this.out = out;
    }

    public boolean json() {
        return format == Format.json;
    }

    /** Prints {@code value} as JSON, or {@code table} when the format is a table. */
    public void print(Object value, Runnable table) {
        if (json()) {
            out.println(json.writeValueAsString(value));
        } else {
            table.run();
        }
        out.flush();
    }

    /** One value as one line of JSON, for commands that keep printing (JSON Lines). */
    public void jsonLine(Object value) {
        out.println(compact.writeValueAsString(value));
        out.flush();
    }

    /** Text as it is, without a line end (a progress line redrawn in place). */
    public void raw(String text) {
        out.print(text);
        out.flush();
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    /** Label and value pairs, one per line, the values aligned; pairs whose value is null are left out. */
    public void fields(Map<String, String> fields) {
        int width = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() != null) {
                width = Math.max(width, field.getKey().length());
            }
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() != null) {
                out.println(String.format("%-" + width + "s  %s", field.getKey(), field.getValue()));
            }
        }
        out.flush();
    }

    /** A plain left-aligned table whose columns fit their widest cell. */
    public void table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = String.valueOf(row.get(i));
                line.append(i == row.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
