package kz.khc.scoring.web;

import java.util.List;

/** One page of a longer list, as every paged endpoint of this service answers. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
