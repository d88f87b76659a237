package dev.sioconf.suite.eio4.cases;

import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;

/** spec/eio4.md section 1: what holds for every exchange. */
class GeneralCases {

    @Requirement("EIO4-1.4")
    @Eio4Case(does = "at the echo path sends 4é😀 and a message with every kind of JSON-sensitive character; reads the echoes")
    void nonAsciiTextComesBackUnchanged(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.send("4\u00e9\ud83d\ude00");
        c.send("4\"quote\" \\backslash/ \t tab \u00fc\u4e2d");
        c.inbox().assertNext("4\u00e9\ud83d\ude00", "4\"quote\" \\backslash/ \t tab \u00fc\u4e2d");
    }
}
