package dev.gureum.server.http;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns one aggregated Netty request into a {@link WireRequest}, runs the gateway off the event loop, replies. */
final class GatewayHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = Logger.getLogger(GatewayHandler.class.getName());

    private final Function<WireRequest, WireResponse> gateway;
    private final HttpFront.RefusalRenderer refusal;
    private final ExecutorService handlers;
    private boolean inputShutdown;
    private int inFlight;

    GatewayHandler(Function<WireRequest, WireResponse> gateway, HttpFront.RefusalRenderer refusal,
                   ExecutorService handlers) {
        this.gateway = gateway;
        this.refusal = refusal;
        this.handlers = handlers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            writeAndClose(context, refusal.render(400, "MalformedHttpRequest",
                    "The request is not valid HTTP/1.1: " + request.decoderResult().cause().getMessage()));
            return;
        }
        WireRequest wire = toWire(request);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        inFlight++;
        try {
            handlers.execute(() -> {
                WireResponse response = gateway.apply(wire);
                context.channel().eventLoop().execute(() -> {
                    inFlight--;
                    write(context, response, keepAlive && !(inputShutdown && inFlight == 0));
                });
            });
        } catch (RejectedExecutionException e) {
            inFlight--;
            writeAndClose(context, refusal.render(503, "ServiceUnavailable", "The server is shutting down."));
        }
    }

    private static WireRequest toWire(FullHttpRequest request) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        String rawPath = question < 0 ? uri : uri.substring(0, question);
        String rawQuery = question < 0 ? "" : uri.substring(question + 1);
        Map<String, List<String>> headers = new HashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), unused -> new ArrayList<>(1))
                    .add(header.getValue());
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        return new WireRequest(request.method().name(), rawPath, rawQuery, headers, body);
    }

    private static void write(ChannelHandlerContext context, WireResponse response, boolean keepAlive) {
        FullHttpResponse http = toNetty(response);
        HttpUtil.setKeepAlive(http, keepAlive);
        if (keepAlive) {
            context.writeAndFlush(http);
        } else {
            context.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    static void writeAndClose(ChannelHandlerContext context, WireResponse response) {
        FullHttpResponse http = toNetty(response);
        HttpUtil.setKeepAlive(http, false);
        context.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
    }

    static FullHttpResponse toNetty(WireResponse response) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.buffer(), 0, response.length()));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.length());
        http.headers().set(HttpHeaderNames.SERVER, "Gureum");
        response.headers().forEach(http.headers()::set);
        return http;
    }

    /**
     * An idle connection is closed. The client half-closed: answer what is in flight, then close; close
     * at once when nothing is.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof io.netty.handler.timeout.IdleStateEvent) {
            context.close();
            return;
        }
        if (event instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
            inputShutdown = true;
            if (inFlight == 0) {
                context.close();
            }
        }
        super.userEventTriggered(context, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.log(Level.FINE, "connection closed after an I/O error", cause);
        context.close();
    }
}
