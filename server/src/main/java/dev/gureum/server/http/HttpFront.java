package dev.gureum.server.http;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.server.gateway.Gateway;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The HTTP/1.1 transport (Netty; why Netty is in docs/design.md). It aggregates each request up to the
 * body limit, hands it to the gateway on a virtual thread (handlers may wait for a durable write) and
 * writes the answer with keep-alive. It knows nothing of AWS beyond rendering its own refusals (body
 * too large, unparseable HTTP) through the function it is given.
 */
public final class HttpFront implements AutoCloseable {
    /** A connection with no traffic for this long is closed, so half-sent requests cannot pile up. */
    static final int IDLE_SECONDS = 60;

    private final EventLoopGroup group;
    private final ExecutorService handlers;
    private final Channel channel;

    private HttpFront(EventLoopGroup group, ExecutorService handlers, Channel channel) {
        this.group = group;
        this.handlers = handlers;
        this.channel = channel;
    }

    /**
     * Binds and starts serving.
     *
     * @param refusal renders a transport-level refusal (status and reason) as an AWS error response
     */
    public static HttpFront start(String bindAddress, int port, Function<WireRequest, WireResponse> gateway,
                                  RefusalRenderer refusal) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()), io);
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel socket) {
                            socket.pipeline()
                                    .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                                    .addLast(new HttpServerCodec(8192, 65536, 65536))
                                    .addLast(new HttpServerKeepAliveHandler())
                                    .addLast(new BodyLimit(Gateway.MAX_BODY_BYTES, refusal))
                                    .addLast(new GatewayHandler(gateway, refusal, handlers));
                        }
                    })
                    .bind(new InetSocketAddress(bindAddress, port)).sync().channel();
            return new HttpFront(group, handlers, channel);
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            handlers.shutdown();
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        handlers.shutdown();
    }

    /** Renders a refusal made before any AWS protocol decoded the request. */
    @FunctionalInterface
    public interface RefusalRenderer {
        WireResponse render(int status, String code, String message);
    }

    /** Aggregation with the body limit answered as an AWS error instead of Netty's bare 413. */
    private static final class BodyLimit extends HttpObjectAggregator {
        private final RefusalRenderer refusal;

        BodyLimit(int maxBytes, RefusalRenderer refusal) {
            super(maxBytes);
            this.refusal = refusal;
        }

        /** Netty answers an oversized or unsupported Expect with a bare 413/417; answer in the AWS envelope. */
        @Override
        protected Object newContinueResponse(io.netty.handler.codec.http.HttpMessage start, int maxContentLength,
                                             io.netty.channel.ChannelPipeline pipeline) {
            Object response = super.newContinueResponse(start, maxContentLength, pipeline);
            if (response instanceof io.netty.handler.codec.http.HttpResponse refusal
                    && refusal.status().code() >= 400) {
                io.netty.util.ReferenceCountUtil.release(response);
                WireResponse aws = refusal.status().code() == 413
                        ? this.refusal.render(413, "RequestEntityTooLarge",
                                "The request body exceeds the maximum of " + Gateway.MAX_BODY_BYTES + " bytes.")
                        : this.refusal.render(417, "ExpectationFailed", "Only Expect: 100-continue is supported.");
                return GatewayHandler.toNetty(aws);
            }
            return response;
        }

        @Override
        protected void handleOversizedMessage(io.netty.channel.ChannelHandlerContext context,
                                              io.netty.handler.codec.http.HttpMessage oversized) {
            WireResponse response = refusal.render(413, "RequestEntityTooLarge",
                    "The request body exceeds the maximum of " + Gateway.MAX_BODY_BYTES + " bytes.");
            GatewayHandler.writeAndClose(context, response);
        }
    }
}
