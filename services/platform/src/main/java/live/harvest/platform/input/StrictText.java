package live.harvest.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * How every text field of a request body is read: only a JSON string is text (a number or a boolean is refused, not
 * turned into one), and control characters are refused, because a NUL cannot be stored in PostgreSQL and CR/LF or
 * escapes in a name end up in logs, CSV exports and labels. Fields marked {@link FreeText} may hold line feeds and tabs.
 * Lone surrogates are refused too: they cannot be encoded as UTF-8 and would be stored as '?'.
 */
public final class StrictText extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private static final StrictText STRICT = new StrictText(false);
    private static final StrictText FREE = new StrictText(true);

    private final boolean freeText;

    private StrictText(boolean freeText) {
        super(String.class);
        this.freeText = freeText;
    }

    /**
     * The Jackson module that installs this reader for {@code String}, and makes dates and times text only: the
     * java.time readers would otherwise take a number as epoch seconds (a typo'd {@code "endsAt": 12345} is 1970).
     */
    public static SimpleModule module() {
        return new SimpleModule("harvest-strict-text").addDeserializer(String.class, STRICT)
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                                  JsonDeserializer<?> deserializer) {
                        return "java.time".equals(bean.getBeanClass().getPackageName())
                                ? new TextOnly(deserializer) : deserializer;
                    }
                });
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return property != null && property.getAnnotation(FreeText.class) != null ? FREE : STRICT;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new Refused(p, "must be a string");
        }
        String text = p.getText();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(freeText && (c == '\n' || c == '\t'))) {
                throw new Refused(p, freeText ? "must not contain control characters other than line feed and tab"
                        : "must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Refused(p, "must be well-formed Unicode text");
            }
        }
        return text;
    }

    /** A value Jackson reads from text that must be given as text. */
    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new Refused(p, "must be a string");
            }
            return _delegatee.deserialize(p, ctxt);
        }
    }

    /** A text field was refused; its message is safe to show the client (no class names), its path names the field. */
    public static final class Refused extends MismatchedInputException {

        Refused(JsonParser p, String reason) {
            super(p, reason, String.class);
        }

        public String reason() {
            return getOriginalMessage();
        }
    }
}
