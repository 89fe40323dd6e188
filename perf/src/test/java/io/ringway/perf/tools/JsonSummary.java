package io.ringway.perf.tools;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads fields from a tool's one-line JSON summary.
 */
final class JsonSummary
{
    private final String json;

    JsonSummary(final String json)
    {
        if (!json.startsWith("{") || !json.endsWith("}"))
        {
            throw new AssertionError("not a JSON object: " + json);
        }
        this.json = json;
    }

    double number(final String key)
    {
        final Matcher matcher = Pattern.compile("\"" + key + "\":(-?[0-9.]+)").matcher(json);
        if (!matcher.find())
        {
            throw new AssertionError("no number \"" + key + "\" in " + json);
        }
        return Double.parseDouble(matcher.group(1));
    }

    long count(final String key)
    {
        return (long)number(key);
    }

    @Override
    public String toString()
    {
        return json;
    }
}
