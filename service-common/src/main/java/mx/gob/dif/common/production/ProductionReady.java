package mx.gob.dif.common.production;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@link ProductionSettings} passes {@link ProductionRules} (checked only on a production run). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ProductionReadyValidator.class)
public @interface ProductionReady {
    String message() default "La configuración no sirve para producción.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
