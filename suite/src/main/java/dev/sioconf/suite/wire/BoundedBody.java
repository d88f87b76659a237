package dev.sioconf.suite.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer body kept in memory up to a limit: past it (or when the head announces more) the
 * tester stops reading and the answer fails with {@link TooLarge}, instead of buffering whatever
 * a server cares to send until the heap runs out.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body went past the limit; not an I/O failure of the harness but the target's doing. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit, String how) {
            super(how);
            this.limit = limit;
        }
    }

    private final long limit;
    private final long announced;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream got = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;

    BoundedBody(long limit, long announced) {
        this.limit = limit;
        this.announced = announced;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> new BoundedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (announced > limit) {
            fail(new TooLarge(limit, "its Content-Length is " + announced));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if ((long) got.size() + b.remaining() > limit) {
                fail(new TooLarge(limit, "more than " + limit + " bytes came"));
                return;
            }
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            got.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(got.toByteArray());
    }

    /** Stops reading, e.g. when the whole exchange has run out of time. */
    void abort(IOException why) {
        fail(why);
    }

    private void fail(IOException why) {
        if (body.completeExceptionally(why)) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
