package com.kakehashi.console.api;

import java.util.List;

/** One page of a paged API list; {@code page} counts from zero. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
    public PageResult {
        items = List.copyOf(items);
    }

    public int pageCount() {
        return size <= 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pageCount();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
