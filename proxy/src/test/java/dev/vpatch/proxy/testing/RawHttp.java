package dev.vpatch.proxy.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A raw-bytes HTTP/1.1 client over a real socket, for tests that must control every byte. */
public final class RawHttp implements AutoCloseable {
  /** One response as read off the wire; body already de-chunked. */
  public record Response(int status, String statusLine, List<Map.Entry<String, String>> headers, byte[] body) {
    public String header(String name) {
      for (Map.Entry<String, String> h : headers) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return h.getValue();
        }
      }
      return null;
    }

    public List<String> headers(String name) {
      List<String> values = new ArrayList<>();
      for (Map.Entry<String, String> h : headers) {
        if (h.getKey().equalsIgnoreCase(name)) {
          values.add(h.getValue());
        }
      }
      return values;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    in = new java.io.BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  public static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  public RawHttp send(String latin1) throws IOException {
    return send(bytes(latin1));
  }

  public RawHttp send(byte[] data) throws IOException {
    out.write(data);
    out.flush();
    return this;
  }

  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** Sends one request and reads one response. */
  public static Response exchange(int port, String request) throws IOException {
    try (RawHttp client = new RawHttp(port)) {
      return client.send(request).read(false);
    }
  }

  public Response read() throws IOException {
    return read(false);
  }

  /** Reads one response; {@code headRequest} when it answers HEAD (no body follows). */
  public Response read(boolean headRequest) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String line;
    while (!(line = line()).isEmpty()) {
      int colon = line.indexOf(':');
      headers.add(new AbstractMap.SimpleEntry<>(line.substring(0, colon), line.substring(colon + 1).trim()));
    }
    Response head = new Response(status, statusLine, headers, new byte[0]);
    if (status / 100 == 1) {
      return head;
    }
    byte[] body;
    if (headRequest || status == 204 || status == 304) {
      body = new byte[0];
    } else if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
      body = readChunked();
    } else if (head.header("Content-Length") != null) {
      body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, statusLine, headers, body);
  }

  /** Skips interim 1xx responses. */
  public Response readFinal() throws IOException {
    Response r;
    do {
      r = read(false);
    } while (r.status() / 100 == 1);
    return r;
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      line();
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads exactly {@code n} raw bytes (after an upgrade). */
  public byte[] readBytes(int n) throws IOException {
    return in.readNBytes(n);
  }

  /** Whether the server closed the connection (EOF within the socket timeout). */
  public boolean closedByServer() throws IOException {
    socket.setSoTimeout(3_000);
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
