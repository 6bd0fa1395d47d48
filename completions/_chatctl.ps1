
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'chatctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'chatctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'chatctl' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the engine: WebSocket gateway streaming answers, events to Kafka')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Ask one question and stream the answer, resuming on the next --node if its node goes')
            [CompletionResult]::new('announce', 'announce', [CompletionResultType]::ParameterValue, 'Tell connected users something, on every node (--all, --session S or --user U)')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-read events by time or offset range: print, copy to a topic, or feed a worker')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'One session''s timeline (reads only the session''s partitions)')
            [CompletionResult]::new('stalls', 'stalls', [CompletionResultType]::ParameterValue, 'Every answer whose user waited longer than a gap, with its cause, from Kafka alone')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Audit trail queries: a user''s sessions, latency per node, recent errors')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Per-node, per-minute stream figures (analytics worker)')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full-text search over chat messages (the search worker''s index)')
            [CompletionResult]::new('summaries', 'summaries', [CompletionResultType]::ParameterValue, 'Conversation summaries kept by the summary worker')
            [CompletionResult]::new('training', 'training', [CompletionResultType]::ParameterValue, 'Training data kept by the training worker')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Consumer groups: list, describe, reset offsets (dry-run by default), delete')
            [CompletionResult]::new('lag', 'lag', [CompletionResultType]::ParameterValue, 'Consumer lag per group and partition: records, seconds, rate, status (--watch: live TUI)')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Dead letters: list, follow live (TUI) and re-drive to their origin topic')
            [CompletionResult]::new('quarantine', 'quarantine', [CompletionResultType]::ParameterValue, 'Events Kafka refused for good: list them, replay them once the cause is fixed')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'Topics: create chatctl''s own (ensure), list, describe, create, delete, alter-config')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read any topic: from an offset, N before the end, a time or a time window; -n, --follow, kcat-style --format templates')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Write one record per stdin line to any topic: keys, headers, a partition')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Contexts (named clusters) and the effective settings: get-contexts, use-context, current-context, view')
            [CompletionResult]::new('ui', 'ui', [CompletionResultType]::ParameterValue, 'The operator console: :nodes, :streams, :groups, :dlq (k9s''s keys; ? lists them)')
            [CompletionResult]::new('security', 'security', [CompletionResultType]::ParameterValue, 'The Kafka security flags (TLS, SASL, OAUTHBEARER) every command takes')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;serve' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'What this process runs')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Workers to run (with --role all or worker)')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'Static group membership (KIP-345): a stable id for this worker process, so a restart takes its partitions back at once instead of after the session timeout')
            [CompletionResult]::new('--audit-url', '--audit-url', [CompletionResultType]::ParameterName, 'Store: sqlite://PATH or postgres://...')
            [CompletionResult]::new('--node-id', '--node-id', [CompletionResultType]::ParameterName, 'This node''s id in events and logs (default: the host name)')
            [CompletionResult]::new('--redis', '--redis', [CompletionResultType]::ParameterName, 'Redis URL for the real-time path: redis://HOST:PORT, rediss:// for TLS, an ACL user as rediss://USER@HOST:PORT (the password: --redis-password-file or CHATCTL_REDIS_PASSWORD); behind Sentinel, redis+sentinel://H1:P1,H2:P2,.../MASTER (rediss+sentinel:// for TLS): the primary is found through the sentinels and followed across failovers; a Redis Cluster, redis+cluster://H1:P1,H2:P2,... (rediss+cluster:// for TLS; name several nodes)')
            [CompletionResult]::new('--redis-ca', '--redis-ca', [CompletionResultType]::ParameterName, 'CA certificate that signs the rediss:// server''s certificate (PEM)')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (first line)')
            [CompletionResult]::new('--search-index', '--search-index', [CompletionResultType]::ParameterName, 'Directory of the search worker''s index')
            [CompletionResult]::new('--notify-url', '--notify-url', [CompletionResultType]::ParameterName, 'Webhook the notify worker POSTs alerts to')
            [CompletionResult]::new('--notify-format', '--notify-format', [CompletionResultType]::ParameterName, 'Body of webhook calls')
            [CompletionResult]::new('--smtp-url', '--smtp-url', [CompletionResultType]::ParameterName, 'SMTP server alerts are emailed through: smtp://host:port, smtps://..., user:pass@ allowed')
            [CompletionResult]::new('--alert-from', '--alert-from', [CompletionResultType]::ParameterName, 'Sender of alert emails')
            [CompletionResult]::new('--alert-to', '--alert-to', [CompletionResultType]::ParameterName, 'Recipient of alert emails (repeatable, or comma-separated)')
            [CompletionResult]::new('--sla', '--sla', [CompletionResultType]::ParameterName, 'A completed answer slower than this raises a slow-answer alert')
            [CompletionResult]::new('--alert-window', '--alert-window', [CompletionResultType]::ParameterName, 'Alerts are grouped per kind, node and code over windows this long: one alert at the first occurrence, then one digest with the count when the window ends')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--metrics-listen', '--metrics-listen', [CompletionResultType]::ParameterName, 'Where a gateway serves /metrics (and /healthz, /readyz), apart from the public listener. Default 127.0.0.1:9464, skipped with a warning when taken; an address given here that cannot be bound is an error')
            [CompletionResult]::new('--jwt-secret', '--jwt-secret', [CompletionResultType]::ParameterName, 'HS256 secret that signs client JWTs (the user id is the token''s `sub`); at least 32 bytes. Prefer the environment variable or --jwt-secret-file: a flag shows in `ps`')
            [CompletionResult]::new('--jwt-secret-file', '--jwt-secret-file', [CompletionResultType]::ParameterName, 'The HS256 secret from this file (its first line)')
            [CompletionResult]::new('--jwt-issuer', '--jwt-issuer', [CompletionResultType]::ParameterName, 'Tokens must carry this `iss`')
            [CompletionResult]::new('--jwt-audience', '--jwt-audience', [CompletionResultType]::ParameterName, 'Tokens must carry this `aud`')
            [CompletionResult]::new('--allowed-origins', '--allowed-origins', [CompletionResultType]::ParameterName, 'Browsers may open /ws only from these origins (repeatable or comma-separated; `*` allows any). Without it, a browser''s Origin must match the Host it connects to. Clients that send no Origin (not browsers) are not affected')
            [CompletionResult]::new('--llm', '--llm', [CompletionResultType]::ParameterName, 'LLM upstream')
            [CompletionResult]::new('--llm-url', '--llm-url', [CompletionResultType]::ParameterName, 'Base URL of the OpenAI-compatible server')
            [CompletionResult]::new('--llm-model', '--llm-model', [CompletionResultType]::ParameterName, 'Model name sent upstream')
            [CompletionResult]::new('--llm-timeout', '--llm-timeout', [CompletionResultType]::ParameterName, 'Longest silence from the upstream between two pieces of an answer before TIMEOUT_ERROR')
            [CompletionResult]::new('--llm-first-token-timeout', '--llm-first-token-timeout', [CompletionResultType]::ParameterName, 'Longest wait for the first piece of an answer (from sending the request)')
            [CompletionResult]::new('--llm-answer-timeout', '--llm-answer-timeout', [CompletionResultType]::ParameterName, 'Longest a whole answer may take from the upstream before TIMEOUT_ERROR (what came is delivered)')
            [CompletionResult]::new('--llm-connect-timeout', '--llm-connect-timeout', [CompletionResultType]::ParameterName, 'Longest wait for the upstream to accept the connection')
            [CompletionResult]::new('--llm-max-tokens', '--llm-max-tokens', [CompletionResultType]::ParameterName, '`max_tokens` asked of the upstream for each answer (0: not sent)')
            [CompletionResult]::new('--max-answer-bytes', '--max-answer-bytes', [CompletionResultType]::ParameterName, 'An answer is cut off at this many bytes with an ANSWER_TOO_LARGE error (what fits is delivered), so no event outgrows the broker''s message size limit')
            [CompletionResult]::new('--model-chunks', '--model-chunks', [CompletionResultType]::ParameterName, 'Built-in model: chunks per answer')
            [CompletionResult]::new('--model-words', '--model-words', [CompletionResultType]::ParameterName, 'Built-in model: words per chunk')
            [CompletionResult]::new('--model-interval', '--model-interval', [CompletionResultType]::ParameterName, 'Built-in model: pause before each chunk')
            [CompletionResult]::new('--max-streams-per-user', '--max-streams-per-user', [CompletionResultType]::ParameterName, 'Concurrent answers per user')
            [CompletionResult]::new('--max-answers-per-minute', '--max-answers-per-minute', [CompletionResultType]::ParameterName, 'Answers one user may start per minute, across the fleet with Redis (per node without); past it, RATE_LIMITED saying when the next may start. 0: no quota')
            [CompletionResult]::new('--max-buffer-bytes-per-user', '--max-buffer-bytes-per-user', [CompletionResultType]::ParameterName, 'Bytes one user''s answers may hold in Redis resume buffers (answers that ended within the buffer TTL, across the fleet); past it, new chats get RATE_LIMITED saying when the count lapses. Needs Redis. 0: no quota')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Open WebSocket connections per node; past it, upgrades get 503 + Retry-After')
            [CompletionResult]::new('--max-connections-per-user', '--max-connections-per-user', [CompletionResultType]::ParameterName, 'Open WebSocket connections per user on one node; past it, 429 + Retry-After')
            [CompletionResult]::new('--max-connections-per-address', '--max-connections-per-address', [CompletionResultType]::ParameterName, 'Open TCP connections from one client address; past it, closed at accept (one host cannot fill the node). Behind a proxy every client has the proxy''s address: raise it')
            [CompletionResult]::new('--max-frame-bytes', '--max-frame-bytes', [CompletionResultType]::ParameterName, 'Largest accepted client frame (bytes); this bounds a prompt too')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'A client must send a request''s headers within this, or its socket is closed')
            [CompletionResult]::new('--ws-ping-interval', '--ws-ping-interval', [CompletionResultType]::ParameterName, 'The server pings each WebSocket after this much silence from the client')
            [CompletionResult]::new('--ws-pong-timeout', '--ws-pong-timeout', [CompletionResultType]::ParameterName, 'A WebSocket that answers nothing within this after a ping is closed (code 4001)')
            [CompletionResult]::new('--write-timeout', '--write-timeout', [CompletionResultType]::ParameterName, 'Longest a frame, or the close handshake, may take to reach a client that stopped reading before its connection is dropped')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Frames per second per connection')
            [CompletionResult]::new('--event-queue', '--event-queue', [CompletionResultType]::ParameterName, 'Events that may wait for Kafka before chunk telemetry is coalesced (at 50%) and new chats are refused (at 80%)')
            [CompletionResult]::new('--chunk-events-every', '--chunk-events-every', [CompletionResultType]::ParameterName, 'One CHUNK_RECEIVED event for the chunks an answer delivers within this long: each chunk keeps its index, length and latency in it (`folded`), a client never waits for it; with Redis, a group of chunks saved together is one event. 0: one event per chunk')
            [CompletionResult]::new('--spool-dir', '--spool-dir', [CompletionResultType]::ParameterName, 'Where events wait on disk until Kafka acknowledges them, so a crash during a broker outage loses none (default: chatctl-data/spool/<node-id>)')
            [CompletionResult]::new('--quarantine-file', '--quarantine-file', [CompletionResultType]::ParameterName, 'Where events Kafka refuses for good (too large, invalid) are kept, one JSON line each (default: chatctl-data/quarantine/<node-id>.jsonl; workers'' undeliverable dead letters go to chatctl-data/quarantine/<worker>.jsonl)')
            [CompletionResult]::new('--buffer-ttl', '--buffer-ttl', [CompletionResultType]::ParameterName, 'How long a resume buffer lives in Redis')
            [CompletionResult]::new('--lease-ttl', '--lease-ttl', [CompletionResultType]::ParameterName, 'How long a generating node''s lease on an answer lasts without renewal: after a crash, another node continues the answer within this (plus ~0.3 s)')
            [CompletionResult]::new('--redis-min-replicas', '--redis-min-replicas', [CompletionResultType]::ParameterName, 'Replicas that must hold each chunk (Redis WAIT) before a client is shown it, so a failover loses none a client saw: at least N, and behind Sentinel every replica the sentinels see up; while they do not confirm, chunks are held (up to 10 s, then served from this node). Default: 1 behind Sentinel, 0 with one Redis')
            [CompletionResult]::new('--drain-grace', '--drain-grace', [CompletionResultType]::ParameterName, 'On SIGTERM / Ctrl-C: the least time `/readyz` answers 503 before the listener closes')
            [CompletionResult]::new('--drain-timeout', '--drain-timeout', [CompletionResultType]::ParameterName, 'On SIGTERM / Ctrl-C: how long in-flight answers may take to finish')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--insecure-dev-auth', '--insecure-dev-auth', [CompletionResultType]::ParameterName, 'Accept connections without a token (user from ?user=, else "anonymous"). Local trials only: refused unless --listen is a loopback address')
            [CompletionResult]::new('--model-stamp', '--model-stamp', [CompletionResultType]::ParameterName, 'Built-in model: prefix each chunk with its emit time in unix µs (for load tests)')
            [CompletionResult]::new('--no-spool', '--no-spool', [CompletionResultType]::ParameterName, 'Keep unacknowledged events in memory only (a crash while the broker is away loses them)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;chat' {
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'A node''s WebSocket URL; repeat for the nodes to resume on, in order')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User id (nodes run with --insecure-dev-auth)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'HS256 token (nodes run with --jwt-secret)')
            [CompletionResult]::new('--conversation', '--conversation', [CompletionResultType]::ParameterName, 'Conversation id: the turns of one conversation share it (and its summary)')
            [CompletionResult]::new('--switch-after', '--switch-after', [CompletionResultType]::ParameterName, 'Leave the first node after this many chunks and resume on the next one')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;announce' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'The client of this session, wherever it is connected')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Every connection of this user')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every connected client, on every node')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;replay' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Which topic(s) to replay')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this time: RFC 3339, a date, or a duration ago (2h, 7d)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this time (exclusive); default: the log end when the replay starts')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only this partition (with --from-offset / --to-offset)')
            [CompletionResult]::new('--from-offset', '--from-offset', [CompletionResultType]::ParameterName, 'First offset (inclusive)')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'Last offset (exclusive)')
            [CompletionResult]::new('--event-type', '--event-type', [CompletionResultType]::ParameterName, 'Only these event types (repeatable)')
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only this session')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only events carrying this userId')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only events whose JSON field equals a value, e.g. --where metadata.nodeId=ws-node-1')
            [CompletionResult]::new('--to-topic', '--to-topic', [CompletionResultType]::ParameterName, 'Copy matching records to this topic (keys, headers and timestamps kept)')
            [CompletionResult]::new('--into', '--into', [CompletionResultType]::ParameterName, 'Feed matching events to a worker''s handler')
            [CompletionResult]::new('--audit-url', '--audit-url', [CompletionResultType]::ParameterName, 'Store: sqlite://PATH or postgres://...')
            [CompletionResult]::new('--node-id', '--node-id', [CompletionResultType]::ParameterName, 'This node''s id in events and logs (default: the host name)')
            [CompletionResult]::new('--search-index', '--search-index', [CompletionResultType]::ParameterName, 'Index of --into search')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--rebuild', '--rebuild', [CompletionResultType]::ParameterName, 'With --into analytics, search, training or summary: rebuild that worker''s store or index from the log (written beside the live one, swapped in at the end). Refused while the worker''s consumer group has members: rows it commits during the rebuild would be lost in the swap. Stop the worker first')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --rebuild: go on when the broker cannot say whether the worker''s group has members (tansu on SQLite cannot describe groups); make sure the worker is stopped')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;session' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the scan: RFC 3339, a date, or a duration ago. Default: when the id is a UUIDv7 (the gateway mints those), its own time minus --clock-skew; otherwise 7d')
            [CompletionResult]::new('--clock-skew', '--clock-skew', [CompletionResultType]::ParameterName, 'How far other nodes'' clocks may lag the node that minted the session id (used for the default --since)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the scan (exclusive; default: the log end)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Also write the timeline as JSON to this file')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'With --play: only this answer (its message id)')
            [CompletionResult]::new('--speed', '--speed', [CompletionResultType]::ParameterName, 'With --play: this many times faster than it happened')
            [CompletionResult]::new('--min-gap', '--min-gap', [CompletionResultType]::ParameterName, 'With --play: mark waits at least this long')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the timeline as one JSON document')
            [CompletionResult]::new('--play', '--play', [CompletionResultType]::ParameterName, 'Replay the session''s answers as the user received them: the text chunk by chunk at the recorded pace, waits longer than --min-gap marked with their cause (-o json: the chunk sequence, one object per chunk)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;stalls' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the range: RFC 3339, a date, or a duration ago')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the range (default: now)')
            [CompletionResult]::new('--min-gap', '--min-gap', [CompletionResultType]::ParameterName, 'A wait at least this long is a stall')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only stalls that ended on this node')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between reads')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep reading: print each new stall once its answer has ended (Ctrl-C stops)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;audit' {
            [CompletionResult]::new('--audit-url', '--audit-url', [CompletionResultType]::ParameterName, 'Store: sqlite://PATH or postgres://...')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Sessions of a user since a time')
            [CompletionResult]::new('latency', 'latency', [CompletionResultType]::ParameterValue, 'Average streaming latency per node')
            [CompletionResult]::new('errors', 'errors', [CompletionResultType]::ParameterValue, 'Stream errors in a window (default: the last hour)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;audit;sessions' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user id (the JWT `sub`)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'RFC 3339, a date, or a duration ago (7d)')
            [CompletionResult]::new('--audit-url', '--audit-url', [CompletionResultType]::ParameterName, 'Store: sqlite://PATH or postgres://...')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;audit;latency' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'since')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'until')
            [CompletionResult]::new('--audit-url', '--audit-url', [CompletionResultType]::ParameterName, 'Store: sqlite://PATH or postgres://...')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;audit;errors' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'since')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'until')
            [CompletionResult]::new('--audit-url', '--audit-url', [CompletionResultType]::ParameterName, 'Store: sqlite://PATH or postgres://...')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;audit;help' {
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Sessions of a user since a time')
            [CompletionResult]::new('latency', 'latency', [CompletionResultType]::ParameterValue, 'Average streaming latency per node')
            [CompletionResult]::new('errors', 'errors', [CompletionResultType]::ParameterValue, 'Stream errors in a window (default: the last hour)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;audit;help;sessions' {
            break
        }
        'chatctl;audit;help;latency' {
            break
        }
        'chatctl;audit;help;errors' {
            break
        }
        'chatctl;audit;help;help' {
            break
        }
        'chatctl;stats' {
            [CompletionResult]::new('--audit-url', '--audit-url', [CompletionResultType]::ParameterName, 'Store: sqlite://PATH or postgres://...')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'RFC 3339, a date, or a duration ago')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'until')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only this node')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;search' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only this session')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many hits')
            [CompletionResult]::new('--search-index', '--search-index', [CompletionResultType]::ParameterName, 'The index directory')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;summaries' {
            [CompletionResult]::new('--conversation', '--conversation', [CompletionResultType]::ParameterName, 'Only this conversation')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user''s conversations')
            [CompletionResult]::new('--audit-url', '--audit-url', [CompletionResultType]::ParameterName, 'Store: sqlite://PATH or postgres://...')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;training' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write prompt/answer pairs as JSON Lines')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;training;export' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Answers from this time: RFC 3339, a date, or a duration ago')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Answers before this time')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to this file instead of standard output')
            [CompletionResult]::new('--audit-url', '--audit-url', [CompletionResultType]::ParameterName, 'Store: sqlite://PATH or postgres://...')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;training;help' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write prompt/answer pairs as JSON Lines')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;training;help;export' {
            break
        }
        'chatctl;training;help;help' {
            break
        }
        'chatctl;groups' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every consumer group: state, members, partitions with offsets, total lag')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Groups (named, or --all-groups): state, members, and per partition the committed offset, log end, lag, owner')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints the plan and changes nothing unless --execute; refused while the group has members')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its committed offsets; refused while it has members. Says what it would delete and changes nothing unless --execute')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s committed offsets on some topics (kafka-consumer-groups.sh --delete-offsets); changes nothing unless --execute')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;groups;list' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;groups;describe' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only groups in this state (Stable, Empty, Dead, ...; any case)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'One line per group and topic, or per group and member: partitions and total lag')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--all-groups', '--all-groups', [CompletionResultType]::ParameterName, 'Every group the broker lists')
            [CompletionResult]::new('--only-with-lag', '--only-with-lag', [CompletionResultType]::ParameterName, 'Only partitions with lag, and the groups that have some')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;groups;reset' {
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'A group to reset (repeatable)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'A group to reset (repeatable)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Partitions to reset: TOPIC or TOPIC:P,P (repeatable)')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'This offset in every partition')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'Move by N from the committed offset (negative: back)')
            [CompletionResult]::new('--to-datetime', '--to-datetime', [CompletionResultType]::ParameterName, 'The first record at or after this time: 2026-01-01T00:00:00.000[Z|+02:00], RFC 3339, a date, epoch ms')
            [CompletionResult]::new('--by-duration', '--by-duration', [CompletionResultType]::ParameterName, 'The first record at or after this long ago: PT1H, P1DT2H, PT0.1S, or 2h, 7d')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Targets from a plan file: Kafka''s topic,partition,offset (one group) or group,topic,partition,offset')
            [CompletionResult]::new('--to-group', '--to-group', [CompletionResultType]::ParameterName, 'Another group''s committed offsets (chatctl extension; with --all-topics: every partition that group has an offset for)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--all-groups', '--all-groups', [CompletionResultType]::ParameterName, 'Every consumer group the broker lists')
            [CompletionResult]::new('--all-topics', '--all-topics', [CompletionResultType]::ParameterName, 'Every partition the group has committed offsets for')
            [CompletionResult]::new('--to-earliest', '--to-earliest', [CompletionResultType]::ParameterName, 'The first offset still in the log')
            [CompletionResult]::new('--to-latest', '--to-latest', [CompletionResultType]::ParameterName, 'The log end (skip everything not yet consumed)')
            [CompletionResult]::new('--to-current', '--to-current', [CompletionResultType]::ParameterName, 'Where the group is now (the log end where it has no offset)')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Apply the plan (without it: dry run, nothing changes)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Plan only, change nothing (the default; kafka-consumer-groups.sh''s flag)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Print the plan as Kafka''s CSV (what --from-file reads) instead of a table')
            [CompletionResult]::new('--kafka-table', '--kafka-table', [CompletionResultType]::ParameterName, 'Print the plan as kafka-consumer-groups.sh does (GROUP TOPIC PARTITION NEW-OFFSET)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go on where the broker cannot tell whether the group has members (a running member would overwrite the reset with its next commit)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;groups;delete' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Delete (without it, only show the offsets that would go)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go on where the broker cannot tell whether the group has members')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;groups;delete-offsets' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'TOPIC or TOPIC:P,P whose offsets go (repeatable)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'TOPIC or TOPIC:P,P whose offsets go (repeatable)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Delete (without it, only list the offsets that would go)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'On a broker without OffsetDelete: go on where it cannot tell whether the group has members')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;groups;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every consumer group: state, members, partitions with offsets, total lag')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Groups (named, or --all-groups): state, members, and per partition the committed offset, log end, lag, owner')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints the plan and changes nothing unless --execute; refused while the group has members')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its committed offsets; refused while it has members. Says what it would delete and changes nothing unless --execute')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s committed offsets on some topics (kafka-consumer-groups.sh --delete-offsets); changes nothing unless --execute')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;groups;help;list' {
            break
        }
        'chatctl;groups;help;describe' {
            break
        }
        'chatctl;groups;help;reset' {
            break
        }
        'chatctl;groups;help;delete' {
            break
        }
        'chatctl;groups;help;delete-offsets' {
            break
        }
        'chatctl;groups;help;help' {
            break
        }
        'chatctl;lag' {
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Only this group (repeatable); default: every group the broker lists')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Only this group (repeatable); default: every group the broker lists')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls (default: 1s; with --watch 2s, or 75ms per group where longer: 200 groups, every 15s)')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'One-shot: sample at most this long (default 15s). --watch: a lagging partition not yet judged is stopped after this long without moving (default 5m)')
            [CompletionResult]::new('--allowed-lag', '--allowed-lag', [CompletionResultType]::ParameterName, 'Lag (records) at or under which a partition is OK (Burrow''s allowed-lag)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Live TUI (q or Ctrl-C quits); with -o json (or stdout not a terminal): one JSON line per group (per partition with --partitions) every interval')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Live TUI (q or Ctrl-C quits); with -o json (or stdout not a terminal): one JSON line per group (per partition with --partitions) every interval')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'One row per partition instead of per group')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 7 when a group is ERR, 8 when one is WARN (for cron and alerting)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;dlq' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every dead letter: time, origin topic/partition/offset, worker, error, attempts, whether it was re-driven (JSON Lines when piped: payload and headers included)')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow the DLQs live: `chatctl ui` on its :dlq screen (detail pane, filter, re-drive after a confirmation, export, pause)')
            [CompletionResult]::new('redrive', 'redrive', [CompletionResultType]::ParameterValue, 'Put dead letters back on their origin topic (key and headers kept, `chatctl-redriven` and `chatctl-redrive-count` added); each at most once, whoever runs it. A dry run unless --execute')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;dlq;list' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--pending', '--pending', [CompletionResultType]::ParameterName, 'Hide records already re-driven')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;dlq;tail' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;dlq;redrive' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'These DLQ offsets (repeatable; with one --topic when several DLQs have records)')
            [CompletionResult]::new('--max-redrives', '--max-redrives', [CompletionResultType]::ParameterName, 'A record re-driven this many times already stays in the DLQ (it keeps failing)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every dead letter not yet re-driven')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Re-drive (without it, only say what would be re-driven)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be re-driven, change nothing (the default)')
            [CompletionResult]::new('--again', '--again', [CompletionResultType]::ParameterName, 'Claim and re-drive letters already claimed (a run killed between its claim and its send); only with --offset. The claim supersedes the last claim there: of two --again runs that read the same claim, the first to claim sends, the other skips')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;dlq;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every dead letter: time, origin topic/partition/offset, worker, error, attempts, whether it was re-driven (JSON Lines when piped: payload and headers included)')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow the DLQs live: `chatctl ui` on its :dlq screen (detail pane, filter, re-drive after a confirmation, export, pause)')
            [CompletionResult]::new('redrive', 'redrive', [CompletionResultType]::ParameterValue, 'Put dead letters back on their origin topic (key and headers kept, `chatctl-redriven` and `chatctl-redrive-count` added); each at most once, whoever runs it. A dry run unless --execute')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;dlq;help;list' {
            break
        }
        'chatctl;dlq;help;tail' {
            break
        }
        'chatctl;dlq;help;redrive' {
            break
        }
        'chatctl;dlq;help;help' {
            break
        }
        'chatctl;quarantine' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every quarantined record: when, topic, event id and type, size, why, whether replayed')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Put quarantined records back on their topic (key kept), each at most once. A dry run unless --execute')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;quarantine;list' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A quarantine file (repeatable; default: every *.jsonl in --dir)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where `chatctl serve` keeps its quarantine files')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;quarantine;replay' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A quarantine file (repeatable; default: every *.jsonl in --dir)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where `chatctl serve` keeps its quarantine files')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Only this event (or `line:N` of a record that is not an event); repeatable')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Replay (without it, only say what would be replayed)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;quarantine;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every quarantined record: when, topic, event id and type, size, why, whether replayed')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Put quarantined records back on their topic (key kept), each at most once. A dry run unless --execute')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;quarantine;help;list' {
            break
        }
        'chatctl;quarantine;help;replay' {
            break
        }
        'chatctl;quarantine;help;help' {
            break
        }
        'chatctl;topics' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ensure', 'ensure', [CompletionResultType]::ParameterValue, 'Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where missing; report each as created or present')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every topic of the cluster: partitions and replicas')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Partitions (leader, replicas, log start/end, records, first/last record time), configs and the groups reading each topic with their lag')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete topics (a dry run unless --execute)')
            [CompletionResult]::new('alter-config', 'alter-config', [CompletionResultType]::ParameterValue, 'Set configs of a topic, e.g. -c retention.ms=86400000 (a dry run unless --execute)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;topics;ensure' {
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Partitions of chat-events and stream-events (overrides topics.partitions)')
            [CompletionResult]::new('--replication-factor', '--replication-factor', [CompletionResultType]::ParameterName, 'Replication factor (overrides topics.replication-factor)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;topics;list' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--internal', '--internal', [CompletionResultType]::ParameterName, 'Also internal topics (names starting with __)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;topics;describe' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;topics;create' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partitions')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Partitions')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Replication factor')
            [CompletionResult]::new('--replication-factor', '--replication-factor', [CompletionResultType]::ParameterName, 'Replication factor')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'A topic config (repeatable), e.g. -c cleanup.policy=compact')
            [CompletionResult]::new('--topic-config', '--topic-config', [CompletionResultType]::ParameterName, 'A topic config (repeatable), e.g. -c cleanup.policy=compact')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;topics;delete' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Delete them (without it: say what would be deleted, change nothing)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;topics;alter-config' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'A config to set (repeatable)')
            [CompletionResult]::new('--topic-config', '--topic-config', [CompletionResultType]::ParameterName, 'A config to set (repeatable)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Apply (without it: show the change, apply nothing)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;topics;help' {
            [CompletionResult]::new('ensure', 'ensure', [CompletionResultType]::ParameterValue, 'Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where missing; report each as created or present')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every topic of the cluster: partitions and replicas')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Partitions (leader, replicas, log start/end, records, first/last record time), configs and the groups reading each topic with their lag')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete topics (a dry run unless --execute)')
            [CompletionResult]::new('alter-config', 'alter-config', [CompletionResultType]::ParameterValue, 'Set configs of a topic, e.g. -c retention.ms=86400000 (a dry run unless --execute)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;topics;help;ensure' {
            break
        }
        'chatctl;topics;help;list' {
            break
        }
        'chatctl;topics;help;describe' {
            break
        }
        'chatctl;topics;help;create' {
            break
        }
        'chatctl;topics;help;delete' {
            break
        }
        'chatctl;topics;help;alter-config' {
            break
        }
        'chatctl;topics;help;help' {
            break
        }
        'chatctl;consume' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions (repeatable)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these partitions (repeatable)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Where to start: beginning, end, an offset, -N (N before the end), @TIME (first record at or after it) or @TIME1:TIME2 (records in [TIME1, TIME2)); TIME as --since takes it')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this time (as replay --since): the same as --offset @TIME')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this time, exclusive (with --since)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A template per record (kcat''s tokens): %t topic, %p partition, %o offset, %k key, %s (or %v) value, %K/%S key/value length, %T timestamp (ms), %h headers (k=v,...), %% a percent sign; \n \t \\ escapes')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'A template per record (kcat''s tokens): %t topic, %p partition, %o offset, %k key, %s (or %v) value, %K/%S key/value length, %T timestamp (ms), %h headers (k=v,...), %% a percent sign; \n \t \\ escapes')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep reading past the end, printing records as they arrive')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Values as they are, one per line (the same as --format ''%s\n'')')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;produce' {
            [CompletionResult]::new('-K', '-K ', [CompletionResultType]::ParameterName, 'Each line is KEY<separator>VALUE (lines without the separator are refused)')
            [CompletionResult]::new('--key-separator', '--key-separator', [CompletionResultType]::ParameterName, 'Each line is KEY<separator>VALUE (lines without the separator are refused)')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'One key for every record')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'One key for every record')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A header on every record (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header on every record (repeatable)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only this partition (default: by key, or spread without one)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the lines from this file (default: stdin), with a progress bar on a terminal')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;config' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'Every context, the current one marked')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make NAME the current context (remembered in the user config)')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Print the current context')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'The effective settings (secrets masked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;config;get-contexts' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;config;use-context' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;config;current-context' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;config;view' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'Say which file and layer each value came from')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;config;help' {
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'Every context, the current one marked')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make NAME the current context (remembered in the user config)')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Print the current context')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'The effective settings (secrets masked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;config;help;get-contexts' {
            break
        }
        'chatctl;config;help;use-context' {
            break
        }
        'chatctl;config;help;current-context' {
            break
        }
        'chatctl;config;help;view' {
            break
        }
        'chatctl;config;help;help' {
            break
        }
        'chatctl;ui' {
            [CompletionResult]::new('--screen', '--screen', [CompletionResultType]::ParameterName, 'The screen to open: nodes, streams, sessions, stalls, groups (lag), dlq, topics')
            [CompletionResult]::new('--redis', '--redis', [CompletionResultType]::ParameterName, 'Redis URL for the real-time path: redis://HOST:PORT, rediss:// for TLS, an ACL user as rediss://USER@HOST:PORT (the password: --redis-password-file or CHATCTL_REDIS_PASSWORD); behind Sentinel, redis+sentinel://H1:P1,H2:P2,.../MASTER (rediss+sentinel:// for TLS): the primary is found through the sentinels and followed across failovers; a Redis Cluster, redis+cluster://H1:P1,H2:P2,... (rediss+cluster:// for TLS; name several nodes)')
            [CompletionResult]::new('--redis-ca', '--redis-ca', [CompletionResultType]::ParameterName, 'CA certificate that signs the rediss:// server''s certificate (PEM)')
            [CompletionResult]::new('--redis-password-file', '--redis-password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (first line)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between lag polls (default: 2s, or 75ms per group where longer: 200 groups, every 15s)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;security' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;completions' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers, host:port[,host:port...]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file layered over the user config (default: ./chatctl.toml when present)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each broker request, e.g. 10s')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)')
            [CompletionResult]::new('--ssl-ca', '--ssl-ca', [CompletionResultType]::ParameterName, 'CA certificate(s) that sign the brokers'' certificates (PEM)')
            [CompletionResult]::new('--ssl-cert', '--ssl-cert', [CompletionResultType]::ParameterName, 'Client certificate for mutual TLS (PEM)')
            [CompletionResult]::new('--ssl-key', '--ssl-key', [CompletionResultType]::ParameterName, 'Client key for mutual TLS (PEM)')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'Read the SASL password from this file (first line)')
            [CompletionResult]::new('--sasl-password-env', '--sasl-password-env', [CompletionResultType]::ParameterName, 'Read the SASL password from this environment variable')
            [CompletionResult]::new('--oauth-token-url', '--oauth-token-url', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)')
            [CompletionResult]::new('--oauth-client-id', '--oauth-client-id', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)')
            [CompletionResult]::new('--oauth-client-secret-file', '--oauth-client-secret-file', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this file')
            [CompletionResult]::new('--oauth-client-secret-env', '--oauth-client-secret-env', [CompletionResultType]::ParameterName, 'OAUTHBEARER: read the client secret from this environment variable')
            [CompletionResult]::new('--oauth-scope', '--oauth-scope', [CompletionResultType]::ParameterName, 'OAUTHBEARER: the scope to ask for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chatctl;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the engine: WebSocket gateway streaming answers, events to Kafka')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Ask one question and stream the answer, resuming on the next --node if its node goes')
            [CompletionResult]::new('announce', 'announce', [CompletionResultType]::ParameterValue, 'Tell connected users something, on every node (--all, --session S or --user U)')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-read events by time or offset range: print, copy to a topic, or feed a worker')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'One session''s timeline (reads only the session''s partitions)')
            [CompletionResult]::new('stalls', 'stalls', [CompletionResultType]::ParameterValue, 'Every answer whose user waited longer than a gap, with its cause, from Kafka alone')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Audit trail queries: a user''s sessions, latency per node, recent errors')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Per-node, per-minute stream figures (analytics worker)')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full-text search over chat messages (the search worker''s index)')
            [CompletionResult]::new('summaries', 'summaries', [CompletionResultType]::ParameterValue, 'Conversation summaries kept by the summary worker')
            [CompletionResult]::new('training', 'training', [CompletionResultType]::ParameterValue, 'Training data kept by the training worker')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Consumer groups: list, describe, reset offsets (dry-run by default), delete')
            [CompletionResult]::new('lag', 'lag', [CompletionResultType]::ParameterValue, 'Consumer lag per group and partition: records, seconds, rate, status (--watch: live TUI)')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Dead letters: list, follow live (TUI) and re-drive to their origin topic')
            [CompletionResult]::new('quarantine', 'quarantine', [CompletionResultType]::ParameterValue, 'Events Kafka refused for good: list them, replay them once the cause is fixed')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'Topics: create chatctl''s own (ensure), list, describe, create, delete, alter-config')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read any topic: from an offset, N before the end, a time or a time window; -n, --follow, kcat-style --format templates')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Write one record per stdin line to any topic: keys, headers, a partition')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Contexts (named clusters) and the effective settings: get-contexts, use-context, current-context, view')
            [CompletionResult]::new('ui', 'ui', [CompletionResultType]::ParameterValue, 'The operator console: :nodes, :streams, :groups, :dlq (k9s''s keys; ? lists them)')
            [CompletionResult]::new('security', 'security', [CompletionResultType]::ParameterValue, 'The Kafka security flags (TLS, SASL, OAUTHBEARER) every command takes')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chatctl;help;serve' {
            break
        }
        'chatctl;help;chat' {
            break
        }
        'chatctl;help;announce' {
            break
        }
        'chatctl;help;replay' {
            break
        }
        'chatctl;help;session' {
            break
        }
        'chatctl;help;stalls' {
            break
        }
        'chatctl;help;audit' {
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Sessions of a user since a time')
            [CompletionResult]::new('latency', 'latency', [CompletionResultType]::ParameterValue, 'Average streaming latency per node')
            [CompletionResult]::new('errors', 'errors', [CompletionResultType]::ParameterValue, 'Stream errors in a window (default: the last hour)')
            break
        }
        'chatctl;help;audit;sessions' {
            break
        }
        'chatctl;help;audit;latency' {
            break
        }
        'chatctl;help;audit;errors' {
            break
        }
        'chatctl;help;stats' {
            break
        }
        'chatctl;help;search' {
            break
        }
        'chatctl;help;summaries' {
            break
        }
        'chatctl;help;training' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write prompt/answer pairs as JSON Lines')
            break
        }
        'chatctl;help;training;export' {
            break
        }
        'chatctl;help;groups' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every consumer group: state, members, partitions with offsets, total lag')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Groups (named, or --all-groups): state, members, and per partition the committed offset, log end, lag, owner')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints the plan and changes nothing unless --execute; refused while the group has members')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its committed offsets; refused while it has members. Says what it would delete and changes nothing unless --execute')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s committed offsets on some topics (kafka-consumer-groups.sh --delete-offsets); changes nothing unless --execute')
            break
        }
        'chatctl;help;groups;list' {
            break
        }
        'chatctl;help;groups;describe' {
            break
        }
        'chatctl;help;groups;reset' {
            break
        }
        'chatctl;help;groups;delete' {
            break
        }
        'chatctl;help;groups;delete-offsets' {
            break
        }
        'chatctl;help;lag' {
            break
        }
        'chatctl;help;dlq' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every dead letter: time, origin topic/partition/offset, worker, error, attempts, whether it was re-driven (JSON Lines when piped: payload and headers included)')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow the DLQs live: `chatctl ui` on its :dlq screen (detail pane, filter, re-drive after a confirmation, export, pause)')
            [CompletionResult]::new('redrive', 'redrive', [CompletionResultType]::ParameterValue, 'Put dead letters back on their origin topic (key and headers kept, `chatctl-redriven` and `chatctl-redrive-count` added); each at most once, whoever runs it. A dry run unless --execute')
            break
        }
        'chatctl;help;dlq;list' {
            break
        }
        'chatctl;help;dlq;tail' {
            break
        }
        'chatctl;help;dlq;redrive' {
            break
        }
        'chatctl;help;quarantine' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every quarantined record: when, topic, event id and type, size, why, whether replayed')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Put quarantined records back on their topic (key kept), each at most once. A dry run unless --execute')
            break
        }
        'chatctl;help;quarantine;list' {
            break
        }
        'chatctl;help;quarantine;replay' {
            break
        }
        'chatctl;help;topics' {
            [CompletionResult]::new('ensure', 'ensure', [CompletionResultType]::ParameterValue, 'Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where missing; report each as created or present')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every topic of the cluster: partitions and replicas')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Partitions (leader, replicas, log start/end, records, first/last record time), configs and the groups reading each topic with their lag')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete topics (a dry run unless --execute)')
            [CompletionResult]::new('alter-config', 'alter-config', [CompletionResultType]::ParameterValue, 'Set configs of a topic, e.g. -c retention.ms=86400000 (a dry run unless --execute)')
            break
        }
        'chatctl;help;topics;ensure' {
            break
        }
        'chatctl;help;topics;list' {
            break
        }
        'chatctl;help;topics;describe' {
            break
        }
        'chatctl;help;topics;create' {
            break
        }
        'chatctl;help;topics;delete' {
            break
        }
        'chatctl;help;topics;alter-config' {
            break
        }
        'chatctl;help;consume' {
            break
        }
        'chatctl;help;produce' {
            break
        }
        'chatctl;help;config' {
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'Every context, the current one marked')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make NAME the current context (remembered in the user config)')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Print the current context')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'The effective settings (secrets masked)')
            break
        }
        'chatctl;help;config;get-contexts' {
            break
        }
        'chatctl;help;config;use-context' {
            break
        }
        'chatctl;help;config;current-context' {
            break
        }
        'chatctl;help;config;view' {
            break
        }
        'chatctl;help;ui' {
            break
        }
        'chatctl;help;security' {
            break
        }
        'chatctl;help;completions' {
            break
        }
        'chatctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
