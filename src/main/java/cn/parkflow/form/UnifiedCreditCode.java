package cn.parkflow.form;

/**
 * The 统一社会信用代码 (GB 32100-2015): 18 characters from the code's alphabet (no I, O, S, V, Z),
 * the last a check character over the first 17. A rule any process may apply to a credit code a
 * form collects, beside the form's own pattern.
 */
public final class UnifiedCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedCreditCode() {
    }

    /** True for 18 characters whose last is the check character of the first 17. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        return code.charAt(17) == check(sum);
    }

    /** The check character for the first 17 characters (tests and demo data use it). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return check(sum);
    }

    private static char check(int weightedSum) {
        return ALPHABET.charAt((31 - weightedSum % 31) % 31);
    }
}
