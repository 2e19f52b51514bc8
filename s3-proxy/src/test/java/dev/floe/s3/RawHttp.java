package dev.floe.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: exact bytes,
 * truncated bodies, forged framing. Every exchange uses {@code Connection: close} and reads the
 * response until the server closes.
 */
final class RawHttp {

  /** A request as bytes on the wire: request line, headers in order, body. */
  record Request(String method, String target, List<Map.Entry<String, String>> headers,
      byte[] body) {

    Request withHeader(String name, String value) {
      List<Map.Entry<String, String>> changed = new ArrayList<>(headers);
      changed.add(Map.entry(name, value));
      return new Request(method, target, changed, body);
    }

    Request replacingHeader(String name, String value) {
      List<Map.Entry<String, String>> changed = new ArrayList<>();
      for (Map.Entry<String, String> header : headers) {
        changed.add(header.getKey().equalsIgnoreCase(name) ? Map.entry(header.getKey(), value)
            : header);
      }
      return new Request(method, target, changed, body);
    }

    Request withoutHeader(String name) {
      return new Request(method, target,
          headers.stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList(), body);
    }

    Request withBody(byte[] replacement) {
      return new Request(method, target, headers, replacement);
    }

    Request withTarget(String replacement) {
      return new Request(method, replacement, headers, body);
    }

    Request withMethod(String replacement) {
      return new Request(replacement, target, headers, body);
    }

    Optional<String> header(String name) {
      return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).findFirst();
    }

    byte[] head() {
      StringBuilder text = new StringBuilder();
      text.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      for (Map.Entry<String, String> header : headers) {
        if (!header.getKey().equalsIgnoreCase("connection")) {
          text.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
      }
      text.append("Connection: close\r\n\r\n");
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A response: status, headers (names lower-cased) and body. */
  record Response(int status, Map<String, String> headers, String body) {

    String errorCode() {
      int start = body.indexOf("<Code>");
      int end = body.indexOf("</Code>");
      return start < 0 || end < 0 ? "" : body.substring(start + 6, end);
    }
  }

  private RawHttp() {}

  static Response send(int port, Request request) throws IOException {
    return send(port, request, request.body().length);
  }

  /**
   * Sends the head and the first {@code bytesToSend} bytes of the body, then half-closes the
   * connection (so a shorter count is a truncated body), and reads the response.
   */
  static Response send(int port, Request request, int bytesToSend) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.head());
      try {
        out.write(request.body(), 0, bytesToSend);
        out.flush();
        socket.shutdownOutput();
      } catch (SocketException serverAlreadyAnswered) {
        // The server may refuse before reading the body and close; its answer is still readable.
      }
      return parse(socket.getInputStream());
    }
  }

  /**
   * Sends a request with {@code Expect: 100-continue}: the head first, and the body only if the
   * server asks for it.
   *
   * @return the final response, and whether the server sent 100 Continue first
   */
  static Map.Entry<Boolean, Response> sendExpectingContinue(int port, Request request)
      throws IOException {
    return sendExpectingContinue(port, request, false);
  }

  /**
   * As {@link #sendExpectingContinue(int, Request)}; with {@code httpChunked} the body goes out
   * with {@code Transfer-Encoding: chunked} in 8 KiB HTTP chunks instead of a Content-Length.
   */
  static Map.Entry<Boolean, Response> sendExpectingContinue(int port, Request request,
      boolean httpChunked) throws IOException {
    if (httpChunked) {
      request = request.withoutHeader("Content-Length").withHeader("Transfer-Encoding", "chunked");
    }
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.withHeader("Expect", "100-continue").head());
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = readLine(in);
      if (statusLine.contains(" 100 ")) {
        while (!readLine(in).isEmpty()) {
          // interim response headers
        }
        out.write(httpChunked ? httpChunks(request.body()) : request.body());
        out.flush();
        return Map.entry(true, parse(in));
      }
      return Map.entry(false, parseAfterStatusLine(statusLine, in));
    }
  }

  private static byte[] httpChunks(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int offset = 0; offset < body.length; offset += 8192) {
      int size = Math.min(8192, body.length - offset);
      out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, offset, size);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static Response parse(InputStream in) throws IOException {
    String statusLine = readLine(in);
    if (statusLine.isEmpty()) {
      return new Response(0, Map.of(), "");
    }
    return parseAfterStatusLine(statusLine, in);
  }

  private static Response parseAfterStatusLine(String statusLine, InputStream in)
      throws IOException {
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    byte[] rest = readRest(in);
    String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
        ? dechunk(rest) : new String(rest, StandardCharsets.UTF_8);
    return new Response(status, headers, body);
  }

  private static byte[] readRest(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // what arrived before the reset is the response
    }
    return out.toByteArray();
  }

  private static String dechunk(byte[] chunked) {
    String text = new String(chunked, StandardCharsets.ISO_8859_1);
    StringBuilder body = new StringBuilder();
    int position = 0;
    while (position < text.length()) {
      int lineEnd = text.indexOf("\r\n", position);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(text.substring(position, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(text, lineEnd + 2, lineEnd + 2 + size);
      position = lineEnd + 2 + size + 2;
    }
    return new String(body.toString().getBytes(StandardCharsets.ISO_8859_1),
        StandardCharsets.UTF_8);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    try {
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (previous == '\r' && c == '\n') {
          byte[] bytes = line.toByteArray();
          return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
        }
        line.write(c);
        previous = c;
      }
    } catch (SocketException reset) {
      // treated as end of stream
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
