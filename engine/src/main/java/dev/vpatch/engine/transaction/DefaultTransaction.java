package dev.vpatch.engine.transaction;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.Transaction;
import dev.vpatch.engine.audit.AuditRecord;
import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.BodyProcessor;
import dev.vpatch.engine.bodies.BodyProcessors;
import dev.vpatch.engine.bodies.BodySink;
import dev.vpatch.engine.bodies.UrlEncodedParser;
import dev.vpatch.engine.macros.Macro;
import dev.vpatch.engine.operators.OperatorGroup;
import dev.vpatch.engine.prefilter.LiteralPrefilter;
import dev.vpatch.engine.rules.CompiledRuleSet;
import dev.vpatch.engine.rules.EngineConfig;
import dev.vpatch.engine.rules.EngineMode;
import dev.vpatch.engine.rules.FoldedVerdict;
import dev.vpatch.engine.rules.MatchLog;
import dev.vpatch.engine.rules.PhaseOutcome;
import dev.vpatch.engine.rules.Rule;
import dev.vpatch.engine.rules.RuleBitSet;
import dev.vpatch.engine.rules.RuleContext;
import dev.vpatch.engine.rules.RuleEvaluator;
import dev.vpatch.engine.rules.TransformationChain;
import dev.vpatch.engine.transformations.ByteClasses;
import dev.vpatch.engine.variables.KeySelector;
import dev.vpatch.engine.variables.KeyedValues;
import dev.vpatch.engine.variables.LiteralKey;
import dev.vpatch.engine.variables.Target;
import dev.vpatch.engine.variables.VariableKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The engine's {@link Transaction}: request/response data, phase flow, and per-request overrides. */
public final class DefaultTransaction implements Transaction, RuleContext {
  private static final long TX_BIT = Target.variableBit("TX");

  private final CompiledRuleSet ruleSet;
  private final EngineConfig config;
  private final String id;
  private final long startNanos = System.nanoTime();
  private final long startMillis = System.currentTimeMillis();
  private final TransactionVariables vars;
  private final RuleEvaluator evaluator;
  private final MatchLog matches;
  private final TransformationCache transformations;
  private final CollectionForms collectionForms;
  private final LinkMembers linkMembers = new LinkMembers();
  private final MultiMatchMembers multiMatchMembers = new MultiMatchMembers();
  private final MatchedNames matchedNames = new MatchedNames();
  private final ArrayList<long[]> removedIds = new ArrayList<>();
  /** The rules ctl:ruleRemoveByTag and ctl:ruleRemoveByMsg removed, one set per action. */
  private final ArrayList<RuleBitSet> removedRules = new ArrayList<>();
  private final ArrayList<TargetRemoval> targetRemovals = new ArrayList<>();
  /** {@link Target#variableBit} of every variable in {@link #targetRemovals}. */
  private long removedTargetVariables;
  /** Whether the constant block's outcome was taken over (rather than its rules evaluated). */
  private boolean constantBlockTaken;

  private EngineMode mode;
  private boolean requestBodyAccess;
  private boolean responseBodyAccess;
  private long requestBodyLimit;
  private String requestBodyProcessor;
  private boolean forceRequestBodyVariable;
  private String auditEngine;
  private String auditLogParts;

  private Interruption interruption;
  private int lastPhase;
  private boolean allowRequest;
  private boolean allowAll;
  private BodyBuffer requestBody;
  private BodyBuffer responseBody;
  private String requestMethod = "";
  private String requestUri = "";
  private String requestProtocol = "";
  private int responseStatus;
  private String responseProtocol = "";
  private Rule currentRule;
  private Rule currentLink;
  private boolean captureEnabled;
  private int highestSeverity = 255;
  /**
   * The headers as they arrived, for the audit log; null when the rule set has no audit log (the
   * collections may change under setvar, so they do not stand in for them).
   */
  private final List<String[]> requestHeaderList;
  private final List<String[]> responseHeaderList;
  private boolean closed;

  /**
   * A ctl target removal: from the rules with ids in [from, to], or from the {@code tagged} ones
   * when given; {@code variable} is interned, as {@link Target#name()} is.
   */
  private record TargetRemoval(long from, long to, RuleBitSet tagged, String variable, KeySelector selector) {}

  public DefaultTransaction(CompiledRuleSet ruleSet, String id) {
    this.ruleSet = ruleSet;
    this.vars = new TransactionVariables(ruleSet.txSize().expected());
    this.matches = new MatchLog(ruleSet.matchCount().expected());
    boolean audited = ruleSet.auditSink() != null;
    this.requestHeaderList = audited ? new ArrayList<>() : null;
    this.responseHeaderList = audited ? new ArrayList<>() : null;
    this.config = ruleSet.config();
    this.id = id;
    this.mode = config.ruleEngine();
    this.requestBodyAccess = config.requestBodyAccess();
    this.responseBodyAccess = config.responseBodyAccess();
    this.requestBodyLimit = config.requestBodyLimit();
    this.auditEngine = config.auditEngine();
    this.auditLogParts = config.auditLogParts();
    this.evaluator = new RuleEvaluator(ruleSet, this);
    this.transformations =
        new TransformationCache(
            ruleSet.prefilter(),
            ruleSet.transformationSteps(),
            ruleSet.transformedValues().expected());
    this.collectionForms = new CollectionForms(transformations, ruleSet.transformationChains());
    vars.scalars.put("UNIQUE_ID", id);
  }

  @Override
  public String id() {
    return id;
  }

  // ---- request ---------------------------------------------------------------------------

  @Override
  public void processConnection(String clientAddress, int clientPort, String serverAddress, int serverPort) {
    vars.scalars.put("REMOTE_ADDR", clientAddress);
    vars.scalars.put("REMOTE_HOST", clientAddress);
    vars.scalars.put("REMOTE_PORT", Integer.toString(clientPort));
    vars.scalars.put("SERVER_ADDR", serverAddress);
    vars.scalars.put("SERVER_PORT", Integer.toString(serverPort));
  }

  @Override
  public void processUri(String uri, String method, String protocol) {
    requestMethod = method;
    requestUri = uri;
    requestProtocol = protocol;
    Scalars s = vars.scalars;
    s.put("REQUEST_METHOD", method);
    s.put("REQUEST_PROTOCOL", protocol);
    s.put("REQUEST_LINE", method + " " + uri + " " + protocol);
    s.put("REQUEST_URI_RAW", uri);
    String path = uri;
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      int slash = uri.indexOf('/', uri.indexOf("//") + 2);
      path = slash < 0 ? "/" : uri.substring(slash);
    }
    s.put("REQUEST_URI", path);
    int q = path.indexOf('?');
    String rawPath = q < 0 ? path : path.substring(0, q);
    String query = q < 0 ? "" : path.substring(q + 1);
    if (q >= 0) s.put("QUERY_STRING", query);
    else s.put("QUERY_STRING", "");
    String filename = PathDecoder.decode(rawPath);
    s.put("REQUEST_FILENAME", filename);
    int lastSlash = filename.lastIndexOf('/');
    s.put("REQUEST_BASENAME", lastSlash < 0 ? filename : filename.substring(lastSlash + 1));
    s.put("PATH_INFO", filename);
    if (!query.isEmpty()) vars.deferQueryArguments(() -> addQueryArguments(query));
  }

  private void addQueryArguments(String query) {
    int limit = config.argumentsLimit();
    UrlEncodedParser.Result parsed = UrlEncodedParser.parse(
        query,
        config.argumentSeparator(),
        (name, value) -> {
          if (vars.queryArgumentCount() >= limit) return false;
          vars.addQueryArgument(name, value);
          return true;
        });
    if (parsed.invalidEncoding()) vars.scalars.put("URLENCODED_ERROR", "1");
  }

  @Override
  public void addRequestHeader(String name, String value) {
    vars.requestHeaders.add(name, value);
    if (requestHeaderList != null) requestHeaderList.add(new String[] {name, value});
    if (name.equalsIgnoreCase("cookie")) vars.addCookieHeader(value);
    if (name.equalsIgnoreCase("host")) {
      String host = value;
      int colon = host.lastIndexOf(':');
      if (colon > 0 && !host.endsWith("]")) host = host.substring(0, colon);
      vars.scalars.put("SERVER_NAME", host);
    }
    if (name.equalsIgnoreCase("content-type")) vars.scalars.put("REQUEST_CONTENT_TYPE", value);
  }

  @Override
  public Interruption processRequestHeaders() {
    if (lastPhase < 1) {
      String processor = processorFor(vars.requestHeaders.get("content-type"));
      if (processor != null) vars.scalars.put("REQBODY_PROCESSOR", processor);
    }
    return runPhase(1);
  }

  /** The processor ModSecurity picks from the Content-Type alone (XML and JSON need rules). */
  private static String processorFor(String contentType) {
    if (contentType == null) return null;
    String type = contentType.toLowerCase(Locale.ROOT).strip();
    if (type.startsWith("application/x-www-form-urlencoded")) return "URLENCODED";
    if (type.startsWith("multipart/form-data")) return "MULTIPART";
    return null;
  }

  @Override
  public boolean requestBodyAccess() {
    return requestBodyAccess && mode != EngineMode.OFF;
  }

  @Override
  public long requestBodyLimit() {
    return requestBodyLimit;
  }

  @Override
  public Interruption appendRequestBody(byte[] data, int offset, int length) {
    if (requestBody == null) requestBody = new BodyBuffer(requestBodyLimit);
    return requestBodyAppended(requestBody.append(data, offset, length));
  }

  @Override
  public Interruption appendRequestBody(java.nio.ByteBuffer data) {
    if (requestBody == null) requestBody = new BodyBuffer(requestBodyLimit);
    return requestBodyAppended(requestBody.append(data));
  }

  private Interruption requestBodyAppended(boolean fits) {
    if (!fits && config.requestBodyLimitReject() && mode == EngineMode.ON && interruption == null) {
      interruption = new Interruption(0, "deny", 413, null, 2);
    }
    return interruption;
  }

  @Override
  public Interruption processRequestBody() {
    if (lastPhase < 1) processRequestHeaders();
    if (lastPhase >= 2) return interruption;
    if (mode != EngineMode.OFF && interruption == null && !allowRequest && !allowAll) {
      if (requestBodyAccess) parseRequestBody();
    }
    return runPhase(2);
  }

  private void parseRequestBody() {
    byte[] data = requestBody == null ? new byte[0] : requestBody.data();
    int length = requestBody == null ? 0 : requestBody.length();
    String contentType = vars.requestHeaders.get("content-type");
    String processorName = requestBodyProcessor != null ? requestBodyProcessor : processorFor(contentType);
    Scalars s = vars.scalars;
    if (length > 0 || requestBody != null) {
      // The XML and multipart processors replace the raw body variable (as in ModSecurity v2;
      // v3 keeps it, which CRS's tests list as a false positive); JSON keeps it because CRS
      // inspects JSON keys in REQUEST_BODY.
      boolean structured = "XML".equals(processorName) || "MULTIPART".equals(processorName);
      if (!structured || forceRequestBodyVariable) vars.deferRequestBody(data, length);
      s.put("REQUEST_BODY_LENGTH", Integer.toString(length));
      if (!"MULTIPART".equals(processorName) && length > config.requestBodyNoFilesLimit()
          && config.requestBodyLimitReject() && mode == EngineMode.ON && interruption == null) {
        interruption = new Interruption(0, "deny", 413, null, 2);
      }
    }
    s.put("REQBODY_ERROR", "0");
    s.put("REQBODY_PROCESSOR_ERROR", "0");
    if (processorName == null) return;
    s.put("REQBODY_PROCESSOR", processorName);
    BodyProcessor processor = BodyProcessors.lookup(processorName);
    BodyContext context =
        new BodyContext(
            contentType,
            config.argumentSeparator(),
            Math.max(0, config.argumentsLimit() - vars.argsGet().size()),
            config.jsonDepthLimit());
    Runnable rest = processor == null ? null : processNow(processor, data, length, context, new Sink());
    if (rest == null) {
      putArgsCombinedSize();
      return;
    }
    vars.deferBodyArguments(
        () -> {
          rest.run();
          putArgsCombinedSize();
        });
  }

  /**
   * Runs what the processor reports before any rule reads the body's arguments; returns the rest,
   * for the first read (the body bytes up to length never change), or null when nothing is left.
   */
  private static Runnable processNow(
      BodyProcessor processor, byte[] data, int length, BodyContext context, BodySink sink) {
    if (processor.deferrable()) return () -> processor.process(data, length, context, sink);
    return processor.processAllButArguments(data, length, context, sink)
        ? () -> processor.addArguments(data, length, context, sink)
        : null;
  }

  private void putArgsCombinedSize() {
    long combined = 0;
    for (KeyedValues args : List.of(vars.argsGet(), vars.argsPost())) {
      for (int i = 0; i < args.size(); i++) combined += args.key(i).length() + args.value(i).length();
    }
    vars.scalars.put("ARGS_COMBINED_SIZE", Long.toString(combined));
  }

  /** Receives what the body processor extracts. */
  private final class Sink implements BodySink {
    @Override
    public void argument(String name, String value) {
      vars.addBodyArgument(name, value);
    }

    @Override
    public void collection(String variable, String key, String value) {
      vars.collection(variable).add(key, value);
    }

    @Override
    public void scalar(String variable, String value) {
      vars.scalars.put(variable, value);
    }

    @Override
    public void error(String message) {
      vars.scalars.put("REQBODY_ERROR", "1");
      vars.scalars.put("REQBODY_ERROR_MSG", message);
      vars.scalars.put("REQBODY_PROCESSOR_ERROR", "1");
      vars.scalars.put("REQBODY_PROCESSOR_ERROR_MSG", message);
    }

    @Override
    public void xml(org.w3c.dom.Document document) {
      vars.xml = new XmlDocument(document);
    }
  }

  // ---- response --------------------------------------------------------------------------

  @Override
  public void addResponseHeader(String name, String value) {
    vars.responseHeaders.add(name, value);
    if (responseHeaderList != null) responseHeaderList.add(new String[] {name, value});
    if (name.equalsIgnoreCase("content-type")) vars.scalars.put("RESPONSE_CONTENT_TYPE", value);
    if (name.equalsIgnoreCase("content-length")) vars.scalars.put("RESPONSE_CONTENT_LENGTH", value);
  }

  @Override
  public Interruption processResponseHeaders(int status, String protocol) {
    if (lastPhase < 2) processRequestBody();
    responseStatus = status;
    responseProtocol = protocol;
    vars.scalars.put("RESPONSE_STATUS", Integer.toString(status));
    vars.scalars.put("RESPONSE_PROTOCOL", protocol);
    vars.scalars.put("STATUS_LINE", protocol + " " + status);
    return runPhase(3);
  }

  @Override
  public boolean responseBodyAccess() {
    if (!responseBodyAccess || mode == EngineMode.OFF || !responseBodyWanted()) return false;
    String type = vars.scalars.get("RESPONSE_CONTENT_TYPE");
    if (type == null) return false;
    int semi = type.indexOf(';');
    String mime = (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    return config.responseBodyMimeTypes().contains(mime);
  }

  /**
   * Whether anything would read a buffered response body: a rule of phase 4 or 5, the audit log's
   * part E, or the limit's Reject action. Otherwise buffering would only delay the response (with
   * a patch that has no response rules, it was a tenth of the proxy's CPU per request), and
   * nothing could tell the difference.
   */
  private boolean responseBodyWanted() {
    return ruleSet.hasResponseBodyPhaseRules()
        || config.responseBodyLimitReject()
        || (auditing() && auditLogParts.indexOf('E') >= 0);
  }

  @Override
  public boolean responseHeadersWanted() {
    // What responseBodyWanted() adds to these two: the Reject limit, which buffers by Content-Type.
    return ruleSet.hasResponsePhaseRules() || auditing() || config.responseBodyLimitReject();
  }

  /** Whether this transaction may write an audit record (a sink, and the engine not Off). */
  private boolean auditing() {
    return ruleSet.auditSink() != null && !auditEngine.equalsIgnoreCase("off");
  }

  @Override
  public long responseBodyLimit() {
    return config.responseBodyLimit();
  }

  @Override
  public Interruption appendResponseBody(byte[] data, int offset, int length) {
    if (responseBody == null) responseBody = new BodyBuffer(config.responseBodyLimit());
    boolean fits = responseBody.append(data, offset, length);
    if (!fits && config.responseBodyLimitReject() && mode == EngineMode.ON && interruption == null) {
      interruption = new Interruption(0, "deny", 500, null, 4);
    }
    return interruption;
  }

  @Override
  public Interruption processResponseBody() {
    if (lastPhase < 3) processResponseHeaders(200, "HTTP/1.1");
    if (responseBody != null && responseBodyAccess()) {
      vars.scalars.put("RESPONSE_BODY", ByteStrings.of(responseBody.data(), 0, responseBody.length()));
      vars.scalars.put("RESPONSE_BODY_LENGTH", Integer.toString(responseBody.length()));
    }
    return runPhase(4);
  }

  @Override
  public void processLogging() {
    if (lastPhase >= 5) return;
    if (lastPhase < 4 && interruption == null) processResponseBody();
    boolean wasInterrupted = interruption != null;
    vars.scalars.put("DURATION", Long.toString((System.nanoTime() - startNanos) / 1000));
    if (mode != EngineMode.OFF) {
      Interruption keep = interruption;
      interruption = null;
      lastPhase = 4;
      currentRule = null;
      evaluator.run(5);
      interruption = keep;
    }
    ruleSet.txSize().note(vars.tx.size());
    ruleSet.transformedValues().note(transformations.size());
    ruleSet.matchCount().note(matches.size());
    lastPhase = 5;
    writeAudit(wasInterrupted);
  }

  private Interruption runPhase(int phase) {
    if (lastPhase >= phase) return interruption;
    lastPhase = phase;
    if (mode == EngineMode.OFF || interruption != null) return interruption;
    if (allowAll || (allowRequest && phase <= 2)) return null;
    PhaseOutcome outcome = evaluator.run(phase);
    switch (outcome) {
      case ALLOW:
        allowAll = true;
        break;
      case ALLOW_REQUEST:
        allowRequest = true;
        break;
      default:
        break;
    }
    return interruption;
  }

  // ---- audit -----------------------------------------------------------------------------

  private void writeAudit(boolean interrupted) {
    if (!auditing()) return;
    if (auditEngine.equalsIgnoreCase("relevantonly") && !isRelevant()) return;
    AuditRecord record =
        new AuditRecord(
            id,
            startMillis,
            vars.scalars.getOrDefault("REMOTE_ADDR", ""),
            parseInt(vars.scalars.get("REMOTE_PORT")),
            vars.scalars.getOrDefault("SERVER_ADDR", ""),
            parseInt(vars.scalars.get("SERVER_PORT")),
            requestMethod,
            requestUri,
            requestProtocol,
            requestHeaderList,
            requestBody == null ? "" : ByteStrings.of(requestBody.data(), 0, requestBody.length()),
            interruption != null ? interruption.status() : responseStatus,
            responseProtocol,
            responseHeaderList,
            vars.scalars.getOrDefault("RESPONSE_BODY", ""),
            matches.reportedRules(),
            mode,
            config.componentSignatures(),
            auditLogParts);
    ruleSet.auditSink().write(record.toJson());
  }

  private boolean isRelevant() {
    if (matches.anyLogged()) return true;
    int status = interruption != null ? interruption.status() : responseStatus;
    return config.auditLogRelevantStatus() != null
        && config.auditLogRelevantStatus().matcher(Integer.toString(status)).find();
  }

  private static int parseInt(String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  // ---- results ---------------------------------------------------------------------------

  @Override
  public Interruption interruption() {
    return interruption;
  }

  @Override
  public List<MatchedRule> matchedRules() {
    return matches.matchedRules();
  }

  @Override
  public List<MatchedRule> reportedRules() {
    return matches.reportedRules();
  }

  @Override
  public boolean detectionOnly() {
    return mode == EngineMode.DETECTION_ONLY;
  }

  @Override
  public boolean engineOff() {
    return mode == EngineMode.OFF;
  }

  @Override
  public void close() {
    if (!closed && lastPhase < 5) processLogging();
    closed = true;
  }

  // ---- RuleContext -----------------------------------------------------------------------

  @Override
  public void collect(Rule rule, Target target, ValueSink sink) {
    TransactionVariables.BiPredicate excluded = null;
    if ((removedTargetVariables & target.variableBit()) != 0) {
      List<TargetRemoval> applicable = null;
      for (TargetRemoval r : targetRemovals) {
        // The variable first (interned names: one comparison), it rules out most removals at once.
        if (r.variable() != target.name()) continue;
        boolean applies =
            r.tagged() != null ? rule.isIn(r.tagged()) : rule.id() >= r.from() && rule.id() <= r.to();
        if (applies) {
          // Mostly one removal applies (CRS 941010's): no room for ten.
          if (applicable == null) applicable = new ArrayList<>(2);
          applicable.add(r);
        }
      }
      if (applicable != null) {
        List<TargetRemoval> list = applicable;
        excluded = (variable, key) -> {
          for (TargetRemoval r : list) {
            if (r.selector() == null || r.selector().matches(key)) return true;
          }
          return false;
        };
        if (target.kind() == dev.vpatch.engine.variables.VariableKind.SCALAR) {
          for (TargetRemoval r : list) {
            if (r.selector() == null) return;
          }
        }
      }
    }
    if (target.readsMatchedVars()) {
      collectSnapshot(target, excluded, sink);
      return;
    }
    if (target.isRuleVariable()) {
      collectRule(target, sink);
      return;
    }
    vars.collect(target, excluded, memberViewFor(currentLink, target), sink);
  }

  /**
   * How the link sees a target's members through {@link CollectionForms}, or null to visit them
   * raw: for a count, a literal key (one or two members: no index beats a direct look), a
   * multiMatch link without a literal requirement, or a link with neither transformations nor a
   * literal requirement nor operator triggers (a byte-range check skips the members without the
   * bytes it refuses). A key regex needs a literal requirement to be worth transforming every
   * member up front.
   */
  private TransactionVariables.MemberView memberViewFor(Rule link, Target target) {
    VariableKind kind = target.kind();
    if (kind != VariableKind.COLLECTION && kind != VariableKind.NAMES) return null;
    if (target.isCount() || target.literalKey() != null) return null;
    LiteralPrefilter.Requirement requirement = link.prefilter();
    TransformationChain chain = link.transformationChain();
    if (link.multiMatch()) {
      if (requirement == null) return null;
      multiMatchMembers.requirement = requirement;
      multiMatchMembers.chain = chain;
      return multiMatchMembers;
    }
    long triggers = link.operatorTriggers();
    if (requirement == null && triggers == ByteClasses.ANY && (chain == null || !target.selectsEveryKey())) {
      return null;
    }
    linkMembers.requirement = requirement;
    linkMembers.triggers = triggers;
    linkMembers.chain = chain;
    return linkMembers;
  }

  /** The one member view of this transaction, set up for the link being evaluated. */
  private final class LinkMembers implements TransactionVariables.MemberView {
    LiteralPrefilter.Requirement requirement;
    long triggers;
    TransformationChain chain;

    @Override
    public MemberForms forms(KeyedValues values, boolean names) {
      return collectionForms.formsOf(values, names, chain);
    }

    @Override
    public long[] candidates(KeyedValues values, boolean names, MemberForms forms) {
      long[] holding = requirement == null ? null : collectionForms.candidates(forms, requirement);
      if (triggers == ByteClasses.ANY || holding == CollectionForms.NO_MEMBER) return holding;
      return collectionForms.holdingClasses(forms, triggers, holding);
    }

    @Override
    public boolean passesForms() {
      return true;
    }
  }

  /**
   * The member view of a multiMatch link, which tests the raw value and the form after every
   * prefix of its chain: it visits the members that may satisfy the link's requirement in one of
   * those forms at least, and leaves the forms to the link (a member may match in any of them).
   */
  private final class MultiMatchMembers implements TransactionVariables.MemberView {
    LiteralPrefilter.Requirement requirement;
    TransformationChain chain;
    private long[] union = new long[1];

    @Override
    public MemberForms forms(KeyedValues values, boolean names) {
      return collectionForms.formsOf(values, names, null);
    }

    @Override
    public long[] candidates(KeyedValues values, boolean names, MemberForms raw) {
      int words = (raw.size() + 63) >>> 6;
      if (union.length < words) union = new long[words];
      Arrays.fill(union, 0, words, 0L);
      boolean any = include(collectionForms.candidates(raw, requirement), words);
      MemberForms previous = raw;
      for (TransformationChain prefix = chain; prefix != null; prefix = prefix.parent()) {
        MemberForms forms = collectionForms.formsOf(values, names, prefix);
        // A step that changed no member shares its parent's forms: their candidates are in.
        if (forms == previous || forms == raw) continue;
        previous = forms;
        any |= include(collectionForms.candidates(forms, requirement), words);
      }
      return any ? union : CollectionForms.NO_MEMBER;
    }

    private boolean include(long[] members, int words) {
      if (members.length == 0) return false;
      for (int w = 0; w < words; w++) union[w] |= members[w];
      return true;
    }

    @Override
    public boolean passesForms() {
      return false;
    }
  }

  /**
   * MATCHED_VARS grows while the rule that reads it runs (every match adds to it), so the rule
   * iterates a copy taken when it starts.
   */
  private void collectSnapshot(Target target, TransactionVariables.BiPredicate excluded, ValueSink sink) {
    KeyedValues copy = new KeyedValues();
    for (int i = 0; i < vars.matchedVars.size(); i++) copy.add(vars.matchedVars.key(i), vars.matchedVars.value(i));
    TransactionVariables.collectFrom(copy, "MATCHED_VARS", target, excluded, null, sink);
  }

  private void collectRule(Target target, ValueSink sink) {
    if (currentRule == null) return;
    String value = ruleProperty(target.key());
    if (value != null) sink.accept("RULE", target.key(), value, null);
  }

  private String ruleProperty(String key) {
    if (currentRule == null || key == null) return null;
    switch (key.toLowerCase(Locale.ROOT)) {
      case "id":
        return Long.toString(currentRule.id());
      case "msg":
        return currentRule.message() == null ? "" : currentRule.message().expand(this::resolveNoRuleMsg);
      case "severity":
        return Integer.toString(currentRule.severity());
      case "phase":
        return Integer.toString(currentRule.phase());
      case "operator_value":
        return currentLink == null ? null : currentLink.operatorArgument();
      default:
        return null;
    }
  }

  private String resolveNoRuleMsg(String variable, String key) {
    if (variable.equals("RULE") && key != null && key.equalsIgnoreCase("msg")) return "";
    return resolve(variable, key);
  }

  @Override
  public boolean isRemoved(Rule rule) {
    for (int i = 0; i < removedIds.size(); i++) {
      long[] r = removedIds.get(i);
      if (rule.id() >= r[0] && rule.id() <= r[1]) return true;
    }
    for (int i = 0; i < removedRules.size(); i++) {
      if (rule.isIn(removedRules.get(i))) return true;
    }
    return false;
  }

  @Override
  public String transform(String value, TransformationChain chain) {
    return transformations.transform(value, chain);
  }

  @Override
  public String transformLast(String parentForm, TransformationChain chain) {
    return transformations.transformLast(parentForm, chain);
  }

  @Override
  public long[] literalsIn(String value) {
    return transformations.literalsIn(value);
  }

  @Override
  public void beginRule(Rule rule, Rule link) {
    if (rule != currentRule && rule == link) vars.matchedVars.clear();
    currentRule = rule;
    currentLink = link;
    captureEnabled = link.capturesEnabled();
  }

  @Override
  public void matched(String variable, String key, String value) {
    setMatched(matchedNames.of(variable, key), value);
  }

  /** MATCHED_VAR_NAME, MATCHED_VAR and MATCHED_VARS as a match of {@code value} named {@code name} sets them. */
  private void setMatched(String name, String value) {
    vars.matchedVar = value;
    vars.matchedVarName = name;
    vars.matchedVars.add(name, value);
  }

  @Override
  public String matchedVar() {
    return vars.matchedVar;
  }

  @Override
  public String matchedVarName() {
    return vars.matchedVarName;
  }

  @Override
  public void record(Rule rule, int phase, String message, String data) {
    matches.add(rule, phase, message, data, vars.matchedVarName, vars.matchedVar);
    noteSeverity(rule.severity());
  }

  /** Keeps HIGHEST_SEVERITY (the lowest number) up to date with a matched rule's severity. */
  private void noteSeverity(int severity) {
    if (severity >= 0 && severity < highestSeverity) {
      highestSeverity = severity;
      vars.scalars.put("HIGHEST_SEVERITY", Integer.toString(highestSeverity));
    }
  }

  @Override
  public EngineMode mode() {
    return mode;
  }

  @Override
  public void interrupt(Interruption interruption) {
    if (this.interruption == null) this.interruption = interruption;
  }

  @Override
  public void takeConstantBlock() {
    takeConstantBlock(ruleSet.constantBlockOutcome());
  }

  void takeConstantBlock(ConstantBlockOutcome outcome) {
    constantBlockTaken = true;
    // Nothing before the block writes TX (see ConstantBlock): it is empty here, as it was there.
    vars.tx.copyFrom(outcome.tx);
    matches.addAll(
        outcome.matches,
        ConstantBlockOutcome.NAME_AT_ENTRY,
        ConstantBlockOutcome.VALUE_AT_ENTRY,
        vars.matchedVarName,
        vars.matchedVar);
    if (outcome.matchedVarName != ConstantBlockOutcome.NAME_AT_ENTRY) {
      vars.matchedVar = outcome.matchedVar;
      vars.matchedVarName = outcome.matchedVarName;
    }
    noteSeverity(outcome.highestSeverity);
  }

  @Override
  public boolean foldedVerdictsHold() {
    return constantBlockTaken && (removedTargetVariables & TX_BIT) == 0;
  }

  @Override
  public void replayMatch(Rule rule, String variableName, String value) {
    beginRule(rule, rule);
    setMatched(variableName, value);
  }

  /** The verdict of {@code rule} evaluated alone now (for the rule set's folded verdicts). */
  FoldedVerdict verdictOf(Rule rule) {
    return evaluator.matchesAlone(rule)
        ? new FoldedVerdict(true, vars.matchedVarName, vars.matchedVar)
        : FoldedVerdict.NO_MATCH;
  }

  /** Evaluates phase 1's rules at positions [from, to) alone, for {@link ConstantBlockOutcome}. */
  PhaseOutcome evaluatePhaseOneRules(int from, int to) {
    return evaluator.run(1, from, to, null, null);
  }

  TransactionVariables variables() {
    return vars;
  }

  MatchLog matchLog() {
    return matches;
  }

  int highestSeverity() {
    return highestSeverity;
  }

  // MatchContext

  @Override
  public String expand(Macro macro) {
    return macro.expand(this);
  }

  @Override
  public boolean captureEnabled() {
    return captureEnabled;
  }

  @Override
  public void capture(int index, String value) {
    if (index < CAPTURE_KEYS.length) vars.tx.put(CAPTURE_KEYS[index], value);
    else vars.tx.put(Integer.toString(index), value);
  }

  /** TX:0 to TX:9, the keys every capture writes and macros like {@code %{tx.0}} read. */
  private static final LiteralKey[] CAPTURE_KEYS = new LiteralKey[10];

  static {
    for (int i = 0; i < CAPTURE_KEYS.length; i++) CAPTURE_KEYS[i] = new LiteralKey(Integer.toString(i));
  }

  @Override
  public long groupMembers(OperatorGroup group, String input) {
    return transformations.groupMembers(group, input);
  }

  // MacroResolver

  @Override
  public String resolve(String variable, String key) {
    if (variable.equals("RULE")) return ruleProperty(key);
    if (variable.equals("MATCHED_VARS") && key == null) {
      return vars.matchedVars.size() == 0 ? null : vars.matchedVars.value(vars.matchedVars.size() - 1);
    }
    return vars.lookup(variable, key);
  }

  @Override
  public String resolve(Macro.Reference reference) {
    // CRS's macros are nearly all TX members named in the rule text: straight to TX by literal key.
    if (reference.variable() == "TX" && reference.literalKey() != null) return vars.tx.get(reference.literalKey());
    return resolve(reference.variable(), reference.key());
  }

  // ActionContext

  @Override
  public void setVariable(String collection, String key, String value) {
    vars.collection(collection).put(key, value);
  }

  @Override
  public void setVariable(String collection, LiteralKey key, String value) {
    vars.collection(collection).put(key, value);
  }

  @Override
  public String variable(String collection, String key) {
    KeyedValues c = vars.existingCollection(collection);
    return c == null ? null : c.get(key);
  }

  @Override
  public String variable(String collection, LiteralKey key) {
    KeyedValues c = vars.existingCollection(collection);
    return c == null ? null : c.get(key);
  }

  @Override
  public void deleteVariable(String collection, String key) {
    KeyedValues c = vars.existingCollection(collection);
    if (c != null) c.remove(key);
  }

  @Override
  public void setEnvironment(String name, String value) {
    vars.collection("ENV").put(name, value);
  }

  @Override
  public void ruleEngine(String modeName) {
    mode = EngineMode.parse(modeName);
  }

  @Override
  public void removeRuleById(long from, long to) {
    removedIds.add(new long[] {from, to});
  }

  @Override
  public void removeRuleByTag(String tag) {
    removedRules.add(ruleSet.rulesTagMatching(tag));
  }

  @Override
  public void removeRuleByMessage(String message) {
    removedRules.add(ruleSet.rulesWithMessage(message));
  }

  @Override
  public void removeTargetById(long from, long to, KeySelector target) {
    addTargetRemoval(new TargetRemoval(from, to, null, target.variable(), keysOf(target)));
  }

  @Override
  public void removeTargetByTag(String tag, KeySelector target) {
    RuleBitSet tagged = ruleSet.rulesTagged(tag);
    addTargetRemoval(new TargetRemoval(0, -1, tagged, target.variable(), keysOf(target)));
  }

  private void addTargetRemoval(TargetRemoval removal) {
    targetRemovals.add(removal);
    removedTargetVariables |= Target.variableBit(removal.variable());
  }

  /** The selector when it picks some keys, null when the whole variable is removed. */
  private static KeySelector keysOf(KeySelector target) {
    return target.selectsAll() ? null : target;
  }

  @Override
  public void requestBodyProcessor(String name) {
    requestBodyProcessor = name;
    vars.scalars.put("REQBODY_PROCESSOR", name);
  }

  @Override
  public void requestBodyAccess(boolean on) {
    requestBodyAccess = on;
  }

  @Override
  public void responseBodyAccess(boolean on) {
    responseBodyAccess = on;
  }

  @Override
  public void forceRequestBodyVariable(boolean on) {
    forceRequestBodyVariable = on;
  }

  @Override
  public void auditEngine(String modeName) {
    auditEngine = modeName;
  }

  @Override
  public void auditLogParts(String parts) {
    if (parts.startsWith("+")) auditLogParts = auditLogParts + parts.substring(1);
    else if (parts.startsWith("-")) {
      String remove = parts.substring(1);
      StringBuilder b = new StringBuilder();
      for (char c : auditLogParts.toCharArray()) if (remove.indexOf(c) < 0) b.append(c);
      auditLogParts = b.toString();
    } else auditLogParts = parts;
  }

  @Override
  public void requestBodyLimit(long bytes) {
    requestBodyLimit = bytes;
  }

  @Override
  public long ruleId() {
    return currentRule == null ? 0 : currentRule.id();
  }
}
