package dev.sioconf.suite.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.load.SequenceCheck.Outcome;
import org.junit.jupiter.api.Test;

class LoadSequenceCheckTest {

    @Test
    void everyNumberOnceInOrderIsComplete() {
        SequenceCheck c = new SequenceCheck(4);
        for (int s = 0; s < 4; s++) {
            assertThat(c.accept(s)).isEqualTo(Outcome.IN_ORDER);
        }
        assertThat(c.complete()).isTrue();
        assertThat(c.lost()).isZero();
        assertThat(c.duplicated()).isZero();
        assertThat(c.reordered()).isZero();
    }

    @Test
    void aGapIsLostNotReordered() {
        SequenceCheck c = new SequenceCheck(5);
        c.accept(0);
        c.accept(1);
        c.accept(3);
        c.accept(4);
        assertThat(c.lost()).isEqualTo(1);
        assertThat(c.reordered()).isZero();
        assertThat(c.complete()).isFalse();
    }

    @Test
    void aSwappedPairIsOneReorderedAndNothingLost() {
        SequenceCheck c = new SequenceCheck(4);
        assertThat(c.accept(0)).isEqualTo(Outcome.IN_ORDER);
        assertThat(c.accept(2)).isEqualTo(Outcome.IN_ORDER);
        assertThat(c.accept(1)).isEqualTo(Outcome.REORDERED);
        assertThat(c.accept(3)).isEqualTo(Outcome.IN_ORDER);
        assertThat(c.reordered()).isEqualTo(1);
        assertThat(c.lost()).isZero();
        assertThat(c.complete()).isTrue();
    }

    @Test
    void aLateArrivalAfterSeveralIsOneReordered() {
        SequenceCheck c = new SequenceCheck(5);
        for (long s : new long[] {1, 2, 3, 4, 0}) {
            c.accept(s);
        }
        assertThat(c.reordered()).isEqualTo(1);
        assertThat(c.complete()).isTrue();
    }

    @Test
    void aRepeatIsADuplicateAndDoesNotCountAsDelivered() {
        SequenceCheck c = new SequenceCheck(3);
        c.accept(0);
        assertThat(c.accept(0)).isEqualTo(Outcome.DUPLICATE);
        c.accept(1);
        assertThat(c.accept(0)).isEqualTo(Outcome.DUPLICATE);
        assertThat(c.duplicated()).isEqualTo(2);
        assertThat(c.delivered()).isEqualTo(2);
        assertThat(c.lost()).isEqualTo(1);
        assertThat(c.reordered()).isZero();
    }

    @Test
    void aNumberNeverSentIsUnexpected() {
        SequenceCheck c = new SequenceCheck(3);
        assertThat(c.accept(3)).isEqualTo(Outcome.UNEXPECTED);
        assertThat(c.accept(-1)).isEqualTo(Outcome.UNEXPECTED);
        assertThat(c.unexpected()).isEqualTo(2);
        assertThat(c.lost()).isEqualTo(3);
    }

    @Test
    void nothingBackIsEverythingLost() {
        assertThat(new SequenceCheck(7).lost()).isEqualTo(7);
    }

    @Test
    void echoNumbersAreReadFromEachProfilesPacket() {
        assertThat(LoadProfile.numbers("42[\"echo\",12,3456]")).containsExactly(12, 3456);
        assertThat(LoadProfile.numbers("5:::{\"name\":\"echo\",\"args\":[7,99]}")).containsExactly(7, 99);
        assertThat(LoadProfile.numbers("42[\"echo\",\"x\"]")).isNull();
        assertThat(LoadProfile.numbers("42[\"other\",1,2]")).isNull();
        assertThat(LoadProfile.LEGACY.echo(3, 4)).isEqualTo("5:::{\"name\":\"echo\",\"args\":[3,4]}");
        assertThat(LoadProfile.EIO4.echo(3, 4)).isEqualTo("42[\"echo\",3,4]");
    }
}
