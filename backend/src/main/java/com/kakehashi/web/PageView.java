package com.kakehashi.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a listing, with the total so a grid can show how many there are. */
@Serdeable
public record PageView<T>(List<T> items, int page, int size, long total) {
}
