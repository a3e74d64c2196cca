package cn.parkflow.keytask;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 lines: commas, quoted fields with doubled quotes and line breaks; blank lines skipped. */
final class CsvLines {

    private CsvLines() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                addLine(lines, fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        addLine(lines, fields);
        return lines;
    }

    private static void addLine(List<List<String>> lines, List<String> fields) {
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            lines.add(fields);
        }
    }
}
