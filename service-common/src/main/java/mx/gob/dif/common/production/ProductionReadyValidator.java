package mx.gob.dif.common.production;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.List;

/** One violation per reason, so the startup error lists each setting to change. */
public class ProductionReadyValidator implements ConstraintValidator<ProductionReady, ProductionSettings> {
    @Override
    public boolean isValid(ProductionSettings settings, ConstraintValidatorContext context) {
        List<String> problems = settings == null ? List.of() : settings.problems();
        if (problems.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (String problem : problems) {
            // a message is a template: braces, '$' and '\' of a configured URL must stay literal
            context.buildConstraintViolationWithTemplate(problem.replaceAll("([\\\\{}$])", "\\\\$1")).addConstraintViolation();
        }
        return false;
    }
}
