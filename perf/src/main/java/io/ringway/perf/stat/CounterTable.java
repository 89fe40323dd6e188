package io.ringway.perf.stat;

import io.ringway.runtime.status.CounterType;
import org.agrona.concurrent.status.CountersReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One reading of a counters file as a table: a row per owner (every actor, dispatcher, link, shared ring and
 * reader, labelled {@code actor <address>}, {@code link <name>} ...), a column per {@link CounterType}, and the
 * counters an operator names for itself ({@code timeouts}, {@code late replies} ...) as {@code name=value} in a
 * last column. Rows are in the order the runtime allocated them.
 * <p>
 * Not thread safe: read and print on one thread.
 */
final class CounterTable
{
    private static final String LABEL_SEPARATOR = ": ";
    private static final String OWNER = "owner";
    private static final String OTHER = "other";

    private final Map<String, Row> rows = new LinkedHashMap<>();

    private static final class Row
    {
        final long[] values = new long[CounterType.values().length];
        final StringBuilder other = new StringBuilder();
    }

    /**
     * @param reader over the counters file.
     * @return every counter's current value, grouped by owner.
     */
    static CounterTable read(final CountersReader reader)
    {
        final CounterTable table = new CounterTable();
        reader.forEach((counterId, typeId, keyBuffer, label) ->
            table.add(label, typeId, reader.getCounterValue(counterId)));
        return table;
    }

    private void add(final String label, final int typeId, final long value)
    {
        final int separator = label.lastIndexOf(LABEL_SEPARATOR);
        final String owner = separator < 0 ? label : label.substring(0, separator);
        final String name = separator < 0 ? "" : label.substring(separator + LABEL_SEPARATOR.length());
        final Row row = rows.computeIfAbsent(owner, key -> new Row());
        final CounterType type = CounterType.ofTypeId(typeId);
        if (null != type)
        {
            row.values[type.ordinal()] = value;
        }
        else
        {
            row.other.append(row.other.length() == 0 ? "" : " ").append(name.replace(' ', '-')).append('=').append(value);
        }
    }

    /**
     * @param owner a row's label, e.g. {@code link pull}.
     * @param type  a column.
     * @return the value, or -1 if there is no such row.
     */
    long value(final String owner, final CounterType type)
    {
        final Row row = rows.get(owner);
        return null == row ? -1 : row.values[type.ordinal()];
    }

    /** @return the table, a header line and a line per row, columns aligned. */
    List<String> format()
    {
        final CounterType[] types = CounterType.values();
        final List<String[]> cells = new ArrayList<>();
        final String[] header = new String[types.length + 2];
        header[0] = OWNER;
        for (final CounterType type : types)
        {
            header[type.ordinal() + 1] = type.label();
        }
        header[types.length + 1] = OTHER;
        cells.add(header);
        for (final Map.Entry<String, Row> entry : rows.entrySet())
        {
            final String[] line = new String[types.length + 2];
            line[0] = entry.getKey();
            for (final CounterType type : types)
            {
                line[type.ordinal() + 1] = Long.toString(entry.getValue().values[type.ordinal()]);
            }
            line[types.length + 1] = entry.getValue().other.toString();
            cells.add(line);
        }
        final int[] widths = new int[header.length];
        for (final String[] line : cells)
        {
            for (int i = 0; i < line.length; i++)
            {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        final List<String> lines = new ArrayList<>();
        for (final String[] line : cells)
        {
            final StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-" + widths[0] + "s", line[0]));
            for (int i = 1; i < line.length - 1; i++)
            {
                text.append("  ").append(String.format(Locale.ROOT, "%" + widths[i] + "s", line[i]));
            }
            text.append("  ").append(line[line.length - 1]);
            lines.add(text.toString().stripTrailing());
        }
        return lines;
    }
}
