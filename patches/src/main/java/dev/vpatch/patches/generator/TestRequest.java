package dev.vpatch.patches.generator;

import java.util.List;

/**
 * One generated go-ftw test: a request and whether the patch must block it (status 403) or let it
 * through (status 200, none of the patch's rules logged). {@code acceptedStatuses} widens the
 * blocked case where a strict server may refuse the request first (e.g. a backslash in the path).
 */
public record TestRequest(String description, String method, String uri, List<String[]> headers, String body,
    boolean mustBlock, List<Integer> acceptedStatuses) {}
