package io.ringway.patterns.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PendingTableTest
{
    @Test
    void shouldFindASlotByItsIdUntilItIsRemoved()
    {
        final PendingTable table = new PendingTable(3);
        final int index = table.add(100);
        final long id = table.id(index);

        assertTrue(id > 0);
        assertEquals(index, table.indexOf(id));
        table.remove(index);
        assertEquals(PendingTable.NONE, table.indexOf(id));
    }

    @Test
    void shouldNeverReuseAnIdWhenASlotIsReused()
    {
        final PendingTable table = new PendingTable(1);
        final long first = table.id(table.add(100));
        table.remove(table.indexOf(first));
        final long second = table.id(table.add(100));

        assertNotEquals(first, second);
        assertEquals(PendingTable.NONE, table.indexOf(first), "a late reply does not match the new occupant");
        assertEquals(0, table.indexOf(second));
    }

    @Test
    void shouldRefuseWhenFullAndIgnoreForeignIds()
    {
        final PendingTable table = new PendingTable(3);
        table.add(1);
        table.add(2);
        table.add(3);

        assertEquals(PendingTable.NONE, table.add(4));
        assertEquals(3, table.size());
        assertEquals(PendingTable.NONE, table.indexOf(0));
        assertEquals(PendingTable.NONE, table.indexOf(-5));
        assertEquals(PendingTable.NONE, table.indexOf(3), "index 3 is outside a table of 3");
        assertEquals(PendingTable.NONE, table.indexOf(Long.MAX_VALUE));
    }

    @Test
    void shouldExpireInDeadlineOrderWhateverTheOrderOfAdding()
    {
        final PendingTable table = new PendingTable(4);
        final int late = table.add(300);
        final int early = table.add(100);
        final int middle = table.add(200);

        assertEquals(PendingTable.NONE, table.expired(100), "a deadline passes only after it");
        assertEquals(early, table.expired(101));
        table.remove(early);
        assertEquals(middle, table.expired(1_000));
        table.reschedule(middle, 400);
        assertEquals(late, table.expired(1_000));
        table.remove(late);
        assertEquals(middle, table.expired(1_000));
        table.remove(middle);
        assertEquals(PendingTable.NONE, table.expired(1_000));
        assertEquals(0, table.size());
    }

    @Test
    void shouldCompareDeadlinesAcrossTheClocksWrap()
    {
        final PendingTable table = new PendingTable(2);
        final int beforeWrap = table.add(Long.MAX_VALUE - 10);
        table.add(Long.MIN_VALUE + 10);

        assertEquals(PendingTable.NONE, table.expired(Long.MAX_VALUE - 20));
        assertEquals(beforeWrap, table.expired(Long.MAX_VALUE));
    }
}
