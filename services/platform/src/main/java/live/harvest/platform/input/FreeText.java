package live.harvest.platform.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field people write prose in (a description, a note, a reason): it may hold line feeds and tabs. Every
 * other text field refuses all control characters, since a line break in a name, a code or a phone number is always a
 * mistake or an injection attempt. Even free text refuses the rest (NUL, CR, escape, ...): see {@link StrictText}.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
}
