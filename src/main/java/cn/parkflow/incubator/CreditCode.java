package cn.parkflow.incubator;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A 统一社会信用代码 whose 18th character is the GB 32100-2015 check character. Null is valid. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CreditCode.Validator.class)
@interface CreditCode {

    String message() default "统一社会信用代码无效：应为18位，且第18位校验码正确（GB 32100-2015）";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CreditCode, String> {

        /** The 31 characters of the code, in value order (no I, O, S, V, Z). */
        static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || isValid(code);
        }

        static boolean isValid(String code) {
            if (code.length() != 18) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                int value = CHARACTERS.indexOf(code.charAt(i));
                if (value < 0) {
                    return false;
                }
                sum += value * WEIGHTS[i];
            }
            return code.charAt(17) == checkCharacter(sum);
        }

        static char checkCharacter(int weightedSum) {
            return CHARACTERS.charAt((31 - weightedSum % 31) % 31);
        }

        /** The check character for the first 17 characters (tests and demo data use it). */
        static char checkCharacter(String first17) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
            }
            return checkCharacter(sum);
        }
    }
}
