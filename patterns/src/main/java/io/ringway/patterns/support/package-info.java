/**
 * Building blocks that more than one operator uses, such as the table of pending correlation ids that
 * request-reply and gather-with-deadline both keep.
 */
package io.ringway.patterns.support;
