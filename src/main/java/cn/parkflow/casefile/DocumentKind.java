package cn.parkflow.casefile;

/** One kind of document a case carries: a stable code (stored) and its Chinese label (shown). */
public record DocumentKind(String code, String label) {
}
