package dev.sioconf.server.robustness;

/** The three protocol profiles the reference server serves on one port. */
enum Profile {
    LEGACY("legacy"), EIO3("eio3"), EIO4("eio4");

    final String label;

    Profile(String label) {
        this.label = label;
    }

    /** The polling handshake target of the profile. */
    String handshake() {
        return switch (this) {
            case LEGACY -> "/socket.io/1/";
            case EIO3 -> "/socket.io/?EIO=3&transport=polling";
            case EIO4 -> "/socket.io/?EIO=4&transport=polling";
        };
    }

    /** The query prefix of the profile's Engine.IO requests (not used for legacy). */
    String engine() {
        return this == EIO3 ? "/socket.io/?EIO=3&transport=" : "/socket.io/?EIO=4&transport=";
    }
}
