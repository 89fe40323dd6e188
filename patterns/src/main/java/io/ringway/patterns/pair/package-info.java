/**
 * Exclusive pair (ZeroMQ PAIR): two actors, and only those two, talk both ways through addresses that refuse
 * everyone else. Declared with {@link io.ringway.patterns.pair.PairSpec}; each end sends through its
 * {@link io.ringway.patterns.pair.PairEnd} attachment and receives in its actor's handler.
 */
package io.ringway.patterns.pair;
