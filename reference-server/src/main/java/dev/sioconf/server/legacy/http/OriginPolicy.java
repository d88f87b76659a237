package dev.sioconf.server.legacy.http;

import java.net.URI;
import java.util.List;

/**
 * The {@code origins} setting: {@code host:port} entries where either side may be {@code *}.
 * The Origin header is checked, else the Referer; a port left out counts as 80.
 */
public final class OriginPolicy {

    private final List<String> allowed;

    public OriginPolicy(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    public boolean allows(String originOrReferer) {
        if (allowed.contains("*:*")) {
            return true;
        }
        if (originOrReferer == null || originOrReferer.isEmpty()) {
            return false;
        }
        try {
            URI uri = URI.create(originOrReferer);
            String host = uri.getHost();
            if (host == null) {
                return false;
            }
            String port = String.valueOf(uri.getPort() < 0 ? 80 : uri.getPort());
            return allowed.contains(host + ":" + port) || allowed.contains(host + ":*") || allowed.contains("*:" + port);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
