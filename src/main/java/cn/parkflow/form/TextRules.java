package cn.parkflow.form;

import java.text.Normalizer;

/**
 * The rules every submitted text obeys, whatever the path (our API's JSON and parameters, task and
 * start forms through the engine, file names of uploads): NFC; blank means blank in Unicode
 * (U+3000 and U+00A0 too); no control characters but tab and line breaks, no NUL, no invisible
 * (zero-width, U+2028/U+2029 separators) or bidi-override characters, no lone surrogates; at most {@link #MAX_LENGTH}
 * characters where a field sets no smaller limit. Used by {@code web} and {@link FormChecks}.
 */
public final class TextRules {

    /** Camunda keeps a text variable in a 4000-character column; nobody types more into one field. */
    public static final int MAX_LENGTH = 4000;

    private TextRules() {
    }

    /** Why the text is refused, in Chinese without the field's name (callers prefix it), or null. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return "不能超过" + MAX_LENGTH + "个字";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "含有不完整的字符（孤立代理项 " + hex(c) + "）";
            }
            if (c == 0) {
                return "含有空字符（NUL）";
            }
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return "含有控制字符（" + hex(c) + "）";
            }
            if (isBidiControl(c)) {
                return "含有改变文字方向的字符（" + hex(c) + "）";
            }
            if (Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                return "含有不可见的分隔符（" + hex(c) + "）";
            }
            if (Character.getType(c) == Character.FORMAT) {
                return "含有不可见字符（" + hex(c) + "）";
            }
        }
        return null;
    }

    /** NFC; a text of Unicode spaces only becomes empty, so "required" and {@code @NotBlank} see it blank. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        return isBlank(nfc) ? "" : nfc;
    }

    /** Empty or only spaces of any kind (ASCII, full-width U+3000, no-break U+00A0 …) and line breaks. */
    public static boolean isBlank(String text) {
        return text == null
                || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    private static String hex(char c) {
        return String.format("U+%04X", (int) c);
    }
}
