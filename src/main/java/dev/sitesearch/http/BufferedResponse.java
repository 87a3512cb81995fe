package dev.sitesearch.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * An answer kept in memory while it is made, so the request's slot is free before a byte goes to
 * the client ({@link RequestLimits}). A client that reads slowly, or never, then holds its
 * connection and this buffer, not a slot: the answer is handed to Jetty whole, in one buffer large
 * enough for it, and Jetty sends it when the servlet returns without a thread waiting on the client
 * (its completion is asynchronous). Headers and status go straight to the real response; only the
 * body waits here, and no {@code Content-Length} is set (Jetty sets it from the whole buffer; a
 * declared length would make the last write a blocking one).
 */
final class BufferedResponse extends HttpServletResponseWrapper {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
  private ServletOutputStream stream;
  private PrintWriter writer;

  BufferedResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (writer != null) throw new IllegalStateException("getWriter() was called");
    if (stream == null) stream = new Stream();
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (stream != null) throw new IllegalStateException("getOutputStream() was called");
    if (writer == null) {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      writer = new PrintWriter(new OutputStreamWriter(body, charset));
    }
    return writer;
  }

  /** Nothing is sent until {@link #sendTo}: the answer may still be replaced by an error. */
  @Override
  public void flushBuffer() {
    if (writer != null) writer.flush();
  }

  @Override
  public void resetBuffer() {
    if (writer != null) writer.flush();
    body.reset();
  }

  @Override
  public void reset() {
    super.reset();
    resetBuffer();
  }

  @Override
  public void setContentLength(int length) {}

  @Override
  public void setContentLengthLong(long length) {}

  @Override
  public void setHeader(String name, String value) {
    if (!"Content-Length".equalsIgnoreCase(name)) super.setHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    if (!"Content-Length".equalsIgnoreCase(name)) super.addHeader(name, value);
  }

  /** Hands the whole answer to the real response, sized so Jetty keeps it in one buffer. */
  void sendTo(HttpServletResponse response) throws IOException {
    if (writer != null) writer.flush();
    if (body.size() == 0) return;
    if (!response.isCommitted() && response.getBufferSize() <= body.size()) {
      response.setBufferSize(body.size() + 1);
    }
    body.writeTo(response.getOutputStream());
  }

  private final class Stream extends ServletOutputStream {
    @Override
    public void write(int b) {
      body.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      body.write(b, off, len);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new IllegalStateException("answers are buffered; asynchronous writes are not used");
    }
  }
}
