package cn.parkflow.incubator;

import cn.parkflow.form.UnifiedCreditCode;
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

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || UnifiedCreditCode.isValid(code);
        }
    }
}
