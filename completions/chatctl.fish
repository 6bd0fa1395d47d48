# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_chatctl_global_optspecs
    string join \n b/brokers= X= o/output= context= config= timeout= v/verbose security-protocol= ssl-ca= ssl-cert= ssl-key= sasl-mechanism= sasl-username= sasl-password-file= sasl-password-env= oauth-token-url= oauth-client-id= oauth-client-secret-file= oauth-client-secret-env= oauth-scope= h/help V/version
end

function __fish_chatctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_chatctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_chatctl_using_subcommand
    set -l cmd (__fish_chatctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c chatctl -n "__fish_chatctl_needs_command" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_needs_command" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_needs_command" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_needs_command" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_needs_command" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_needs_command" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_needs_command" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_needs_command" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_needs_command" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_needs_command" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "serve" -d 'Run the engine: WebSocket gateway streaming answers, events to Kafka'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "chat" -d 'Ask one question and stream the answer, resuming on the next --node if its node goes'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "announce" -d 'Tell connected users something, on every node (--all, --session S or --user U)'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "replay" -d 'Re-read events by time or offset range: print, copy to a topic, or feed a worker'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "session" -d 'One session\'s timeline (reads only the session\'s partitions)'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "stalls" -d 'Every answer whose user waited longer than a gap, with its cause, from Kafka alone'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "audit" -d 'Audit trail queries: a user\'s sessions, latency per node, recent errors'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "stats" -d 'Per-node, per-minute stream figures (analytics worker)'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "search" -d 'Full-text search over chat messages (the search worker\'s index)'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "summaries" -d 'Conversation summaries kept by the summary worker'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "training" -d 'Training data kept by the training worker'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "groups" -d 'Consumer groups: list, describe, reset offsets (dry-run by default), delete'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "lag" -d 'Consumer lag per group and partition: records, seconds, rate, status (--watch: live TUI)'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "dlq" -d 'Dead letters: list, follow live (TUI) and re-drive to their origin topic'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "quarantine" -d 'Events Kafka refused for good: list them, replay them once the cause is fixed'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "topics" -d 'Topics: create chatctl\'s own (ensure), list, describe, create, delete, alter-config'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "consume" -d 'Read any topic: from an offset, N before the end, a time or a time window; -n, --follow, kcat-style --format templates'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "produce" -d 'Write one record per stdin line to any topic: keys, headers, a partition'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "config" -d 'Contexts (named clusters) and the effective settings: get-contexts, use-context, current-context, view'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "ui" -d 'The operator console: :nodes, :streams, :groups, :dlq (k9s\'s keys; ? lists them)'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "security" -d 'The Kafka security flags (TLS, SASL, OAUTHBEARER) every command takes'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c chatctl -n "__fish_chatctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l role -d 'What this process runs' -r -f -a "all\t'Gateway and workers in one process'
gateway\t'Only the WebSocket gateway'
worker\t'Only the workers (health and metrics on --listen)'"
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l workers -d 'Workers to run (with --role all or worker)' -r -f -a "audit\t''
analytics\t''
search\t'Chat messages into a full-text index (per node: reads every partition)'
notify\t'Alerts on failed and slow answers, grouped (needs --notify-url or --smtp-url)'
training\t'Chat messages into the store for `chatctl training export`'
summary\t'A summary of each conversation after every turn (`chatctl summaries`)'"
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l instance-id -d 'Static group membership (KIP-345): a stable id for this worker process, so a restart takes its partitions back at once instead of after the session timeout' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l audit-url -d 'Store: sqlite://PATH or postgres://...' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l node-id -d 'This node\'s id in events and logs (default: the host name)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l redis -d 'Redis URL for the real-time path: redis://HOST:PORT, rediss:// for TLS, an ACL user as rediss://USER@HOST:PORT (the password: --redis-password-file or CHATCTL_REDIS_PASSWORD); behind Sentinel, redis+sentinel://H1:P1,H2:P2,.../MASTER (rediss+sentinel:// for TLS): the primary is found through the sentinels and followed across failovers; a Redis Cluster, redis+cluster://H1:P1,H2:P2,... (rediss+cluster:// for TLS; name several nodes)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l redis-ca -d 'CA certificate that signs the rediss:// server\'s certificate (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l redis-password-file -d 'Read the Redis password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l search-index -d 'Directory of the search worker\'s index' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l notify-url -d 'Webhook the notify worker POSTs alerts to' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l notify-format -d 'Body of webhook calls' -r -f -a "json\t'The Alert as JSON'
slack\t'`{"text": "..."}`, for Slack incoming webhooks and compatible receivers'"
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l smtp-url -d 'SMTP server alerts are emailed through: smtp://host:port, smtps://..., user:pass@ allowed' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l alert-from -d 'Sender of alert emails' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l alert-to -d 'Recipient of alert emails (repeatable, or comma-separated)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l sla -d 'A completed answer slower than this raises a slow-answer alert' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l alert-window -d 'Alerts are grouped per kind, node and code over windows this long: one alert at the first occurrence, then one digest with the count when the window ends' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l listen -d 'Address to listen on' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l metrics-listen -d 'Where a gateway serves /metrics (and /healthz, /readyz), apart from the public listener. Default 127.0.0.1:9464, skipped with a warning when taken; an address given here that cannot be bound is an error' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l jwt-secret -d 'HS256 secret that signs client JWTs (the user id is the token\'s `sub`); at least 32 bytes. Prefer the environment variable or --jwt-secret-file: a flag shows in `ps`' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l jwt-secret-file -d 'The HS256 secret from this file (its first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l jwt-issuer -d 'Tokens must carry this `iss`' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l jwt-audience -d 'Tokens must carry this `aud`' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l allowed-origins -d 'Browsers may open /ws only from these origins (repeatable or comma-separated; `*` allows any). Without it, a browser\'s Origin must match the Host it connects to. Clients that send no Origin (not browsers) are not affected' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l llm -d 'LLM upstream' -r -f -a "builtin\t'Deterministic offline model'
openai\t'OpenAI-compatible /v1/chat/completions (vLLM, llama.cpp server, Ollama)'"
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l llm-url -d 'Base URL of the OpenAI-compatible server' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l llm-model -d 'Model name sent upstream' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l llm-timeout -d 'Longest silence from the upstream between two pieces of an answer before TIMEOUT_ERROR' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l llm-first-token-timeout -d 'Longest wait for the first piece of an answer (from sending the request)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l llm-answer-timeout -d 'Longest a whole answer may take from the upstream before TIMEOUT_ERROR (what came is delivered)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l llm-connect-timeout -d 'Longest wait for the upstream to accept the connection' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l llm-max-tokens -d '`max_tokens` asked of the upstream for each answer (0: not sent)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l max-answer-bytes -d 'An answer is cut off at this many bytes with an ANSWER_TOO_LARGE error (what fits is delivered), so no event outgrows the broker\'s message size limit' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l model-chunks -d 'Built-in model: chunks per answer' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l model-words -d 'Built-in model: words per chunk' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l model-interval -d 'Built-in model: pause before each chunk' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l max-streams-per-user -d 'Concurrent answers per user' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l max-answers-per-minute -d 'Answers one user may start per minute, across the fleet with Redis (per node without); past it, RATE_LIMITED saying when the next may start. 0: no quota' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l max-buffer-bytes-per-user -d 'Bytes one user\'s answers may hold in Redis resume buffers (answers that ended within the buffer TTL, across the fleet); past it, new chats get RATE_LIMITED saying when the count lapses. Needs Redis. 0: no quota' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l max-connections -d 'Open WebSocket connections per node; past it, upgrades get 503 + Retry-After' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l max-connections-per-user -d 'Open WebSocket connections per user on one node; past it, 429 + Retry-After' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l max-connections-per-address -d 'Open TCP connections from one client address; past it, closed at accept (one host cannot fill the node). Behind a proxy every client has the proxy\'s address: raise it' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l max-frame-bytes -d 'Largest accepted client frame (bytes); this bounds a prompt too' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l header-timeout -d 'A client must send a request\'s headers within this, or its socket is closed' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l ws-ping-interval -d 'The server pings each WebSocket after this much silence from the client' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l ws-pong-timeout -d 'A WebSocket that answers nothing within this after a ping is closed (code 4001)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l write-timeout -d 'Longest a frame, or the close handshake, may take to reach a client that stopped reading before its connection is dropped' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l rate-limit -d 'Frames per second per connection' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l event-queue -d 'Events that may wait for Kafka before chunk telemetry is coalesced (at 50%) and new chats are refused (at 80%)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l chunk-events-every -d 'One CHUNK_RECEIVED event for the chunks an answer delivers within this long: each chunk keeps its index, length and latency in it (`folded`), a client never waits for it; with Redis, a group of chunks saved together is one event. 0: one event per chunk' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l spool-dir -d 'Where events wait on disk until Kafka acknowledges them, so a crash during a broker outage loses none (default: chatctl-data/spool/<node-id>)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l quarantine-file -d 'Where events Kafka refuses for good (too large, invalid) are kept, one JSON line each (default: chatctl-data/quarantine/<node-id>.jsonl; workers\' undeliverable dead letters go to chatctl-data/quarantine/<worker>.jsonl)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l buffer-ttl -d 'How long a resume buffer lives in Redis' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l lease-ttl -d 'How long a generating node\'s lease on an answer lasts without renewal: after a crash, another node continues the answer within this (plus ~0.3 s)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l redis-min-replicas -d 'Replicas that must hold each chunk (Redis WAIT) before a client is shown it, so a failover loses none a client saw: at least N, and behind Sentinel every replica the sentinels see up; while they do not confirm, chunks are held (up to 10 s, then served from this node). Default: 1 behind Sentinel, 0 with one Redis' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l drain-grace -d 'On SIGTERM / Ctrl-C: the least time `/readyz` answers 503 before the listener closes' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l drain-timeout -d 'On SIGTERM / Ctrl-C: how long in-flight answers may take to finish' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l insecure-dev-auth -d 'Accept connections without a token (user from ?user=, else "anonymous"). Local trials only: refused unless --listen is a loopback address'
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l model-stamp -d 'Built-in model: prefix each chunk with its emit time in unix µs (for load tests)'
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -l no-spool -d 'Keep unacknowledged events in memory only (a crash while the broker is away loses them)'
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand serve" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l node -d 'A node\'s WebSocket URL; repeat for the nodes to resume on, in order' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l user -d 'User id (nodes run with --insecure-dev-auth)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l token -d 'HS256 token (nodes run with --jwt-secret)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l conversation -d 'Conversation id: the turns of one conversation share it (and its summary)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l switch-after -d 'Leave the first node after this many chunks and resume on the next one' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand chat" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l session -d 'The client of this session, wherever it is connected' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l user -d 'Every connection of this user' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -l all -d 'Every connected client, on every node'
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand announce" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l topic -d 'Which topic(s) to replay' -r -f -a "chat-events\t''
stream-events\t''
both\t''"
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l since -d 'From this time: RFC 3339, a date, or a duration ago (2h, 7d)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l until -d 'Up to this time (exclusive); default: the log end when the replay starts' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l partition -d 'Only this partition (with --from-offset / --to-offset)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l from-offset -d 'First offset (inclusive)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l to-offset -d 'Last offset (exclusive)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l event-type -d 'Only these event types (repeatable)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l session -d 'Only this session' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l user -d 'Only events carrying this userId' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l where -d 'Only events whose JSON field equals a value, e.g. --where metadata.nodeId=ws-node-1' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l to-topic -d 'Copy matching records to this topic (keys, headers and timestamps kept)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l into -d 'Feed matching events to a worker\'s handler' -r -f -a "audit\t''
analytics\t''
search\t''
training\t''
summary\t''"
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l audit-url -d 'Store: sqlite://PATH or postgres://...' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l node-id -d 'This node\'s id in events and logs (default: the host name)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l search-index -d 'Index of --into search' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l rebuild -d 'With --into analytics, search, training or summary: rebuild that worker\'s store or index from the log (written beside the live one, swapped in at the end). Refused while the worker\'s consumer group has members: rows it commits during the rebuild would be lost in the swap. Stop the worker first'
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -l force -d 'With --rebuild: go on when the broker cannot say whether the worker\'s group has members (tansu on SQLite cannot describe groups); make sure the worker is stopped'
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand replay" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l since -d 'Start of the scan: RFC 3339, a date, or a duration ago. Default: when the id is a UUIDv7 (the gateway mints those), its own time minus --clock-skew; otherwise 7d' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l clock-skew -d 'How far other nodes\' clocks may lag the node that minted the session id (used for the default --since)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l until -d 'End of the scan (exclusive; default: the log end)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l out -d 'Also write the timeline as JSON to this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l message -d 'With --play: only this answer (its message id)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l speed -d 'With --play: this many times faster than it happened' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l min-gap -d 'With --play: mark waits at least this long' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l json -d 'Print the timeline as one JSON document'
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -l play -d 'Replay the session\'s answers as the user received them: the text chunk by chunk at the recorded pace, waits longer than --min-gap marked with their cause (-o json: the chunk sequence, one object per chunk)'
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand session" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l since -d 'Start of the range: RFC 3339, a date, or a duration ago' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l until -d 'End of the range (default: now)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l min-gap -d 'A wait at least this long is a stall' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l node -d 'Only stalls that ended on this node' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l interval -d 'With --watch: time between reads' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -l watch -d 'Keep reading: print each new stall once its answer has ended (Ctrl-C stops)'
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand stalls" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l audit-url -d 'Store: sqlite://PATH or postgres://...' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -f -a "sessions" -d 'Sessions of a user since a time'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -f -a "latency" -d 'Average streaming latency per node'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -f -a "errors" -d 'Stream errors in a window (default: the last hour)'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and not __fish_seen_subcommand_from sessions latency errors help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l user -d 'The user id (the JWT `sub`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l since -d 'RFC 3339, a date, or a duration ago (7d)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l audit-url -d 'Store: sqlite://PATH or postgres://...' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from sessions" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l since -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l until -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l audit-url -d 'Store: sqlite://PATH or postgres://...' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from latency" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l since -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l until -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l audit-url -d 'Store: sqlite://PATH or postgres://...' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from errors" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "sessions" -d 'Sessions of a user since a time'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "latency" -d 'Average streaming latency per node'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "errors" -d 'Stream errors in a window (default: the last hour)'
complete -c chatctl -n "__fish_chatctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l audit-url -d 'Store: sqlite://PATH or postgres://...' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l since -d 'RFC 3339, a date, or a duration ago' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l until -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l node -d 'Only this node' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand stats" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l session -d 'Only this session' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l user -d 'Only this user' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l limit -d 'At most this many hits' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l search-index -d 'The index directory' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand search" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l conversation -d 'Only this conversation' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l user -d 'Only this user\'s conversations' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l audit-url -d 'Store: sqlite://PATH or postgres://...' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand summaries" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -f -a "export" -d 'Write prompt/answer pairs as JSON Lines'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and not __fish_seen_subcommand_from export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l since -d 'Answers from this time: RFC 3339, a date, or a duration ago' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l until -d 'Answers before this time' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l out -d 'Write to this file instead of standard output' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l audit-url -d 'Store: sqlite://PATH or postgres://...' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write prompt/answer pairs as JSON Lines'
complete -c chatctl -n "__fish_chatctl_using_subcommand training; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "list" -d 'Every consumer group: state, members, partitions with offsets, total lag'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "describe" -d 'Groups (named, or --all-groups): state, members, and per partition the committed offset, log end, lag, owner'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "reset" -d 'Move a group\'s committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints the plan and changes nothing unless --execute; refused while the group has members'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "delete" -d 'Delete a group and its committed offsets; refused while it has members. Says what it would delete and changes nothing unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "delete-offsets" -d 'Delete a group\'s committed offsets on some topics (kafka-consumer-groups.sh --delete-offsets); changes nothing unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l state -d 'Only groups in this state (Stable, Empty, Dead, ...; any case)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l by -d 'One line per group and topic, or per group and member: partitions and total lag' -r -f -a "topic\t''
member\t''"
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l all-groups -d 'Every group the broker lists'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l only-with-lag -d 'Only partitions with lag, and the groups that have some'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s g -l group -d 'A group to reset (repeatable)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l topic -d 'Partitions to reset: TOPIC or TOPIC:P,P (repeatable)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-offset -d 'This offset in every partition' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l shift-by -d 'Move by N from the committed offset (negative: back)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-datetime -d 'The first record at or after this time: 2026-01-01T00:00:00.000[Z|+02:00], RFC 3339, a date, epoch ms' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l by-duration -d 'The first record at or after this long ago: PT1H, P1DT2H, PT0.1S, or 2h, 7d' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l from-file -d 'Targets from a plan file: Kafka\'s topic,partition,offset (one group) or group,topic,partition,offset' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-group -d 'Another group\'s committed offsets (chatctl extension; with --all-topics: every partition that group has an offset for)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l all-groups -d 'Every consumer group the broker lists'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l all-topics -d 'Every partition the group has committed offsets for'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-earliest -d 'The first offset still in the log'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-latest -d 'The log end (skip everything not yet consumed)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-current -d 'Where the group is now (the log end where it has no offset)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l execute -d 'Apply the plan (without it: dry run, nothing changes)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l dry-run -d 'Plan only, change nothing (the default; kafka-consumer-groups.sh\'s flag)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l export -d 'Print the plan as Kafka\'s CSV (what --from-file reads) instead of a table'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l kafka-table -d 'Print the plan as kafka-consumer-groups.sh does (GROUP TOPIC PARTITION NEW-OFFSET)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l force -d 'Go on where the broker cannot tell whether the group has members (a running member would overwrite the reset with its next commit)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l execute -d 'Delete (without it, only show the offsets that would go)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l force -d 'Go on where the broker cannot tell whether the group has members'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s t -l topic -d 'TOPIC or TOPIC:P,P whose offsets go (repeatable)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l execute -d 'Delete (without it, only list the offsets that would go)'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l force -d 'On a broker without OffsetDelete: go on where it cannot tell whether the group has members'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every consumer group: state, members, partitions with offsets, total lag'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Groups (named, or --all-groups): state, members, and per partition the committed offset, log end, lag, owner'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Move a group\'s committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints the plan and changes nothing unless --execute; refused while the group has members'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a group and its committed offsets; refused while it has members. Says what it would delete and changes nothing unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete-offsets" -d 'Delete a group\'s committed offsets on some topics (kafka-consumer-groups.sh --delete-offsets); changes nothing unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -s g -l group -d 'Only this group (repeatable); default: every group the broker lists' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l interval -d 'Time between polls (default: 1s; with --watch 2s, or 75ms per group where longer: 200 groups, every 15s)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l window -d 'One-shot: sample at most this long (default 15s). --watch: a lagging partition not yet judged is stopped after this long without moving (default 5m)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l allowed-lag -d 'Lag (records) at or under which a partition is OK (Burrow\'s allowed-lag)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -s w -l watch -d 'Live TUI (q or Ctrl-C quits); with -o json (or stdout not a terminal): one JSON line per group (per partition with --partitions) every interval'
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l partitions -d 'One row per partition instead of per group'
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -l exit-code -d 'Exit 7 when a group is ERR, 8 when one is WARN (for cron and alerting)'
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand lag" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -f -a "list" -d 'Every dead letter: time, origin topic/partition/offset, worker, error, attempts, whether it was re-driven (JSON Lines when piped: payload and headers included)'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -f -a "tail" -d 'Follow the DLQs live: `chatctl ui` on its :dlq screen (detail pane, filter, re-drive after a confirmation, export, pause)'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -f -a "redrive" -d 'Put dead letters back on their origin topic (key and headers kept, `chatctl-redriven` and `chatctl-redrive-count` added); each at most once, whoever runs it. A dry run unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and not __fish_seen_subcommand_from list tail redrive help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s t -l topic -d 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l pending -d 'Hide records already re-driven'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -s t -l topic -d 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from tail" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s t -l topic -d 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l offset -d 'These DLQ offsets (repeatable; with one --topic when several DLQs have records)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l max-redrives -d 'A record re-driven this many times already stays in the DLQ (it keeps failing)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l all -d 'Every dead letter not yet re-driven'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l execute -d 'Re-drive (without it, only say what would be re-driven)'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l dry-run -d 'Say what would be re-driven, change nothing (the default)'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l again -d 'Claim and re-drive letters already claimed (a run killed between its claim and its send); only with --offset. The claim supersedes the last claim there: of two --again runs that read the same claim, the first to claim sends, the other skips'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every dead letter: time, origin topic/partition/offset, worker, error, attempts, whether it was re-driven (JSON Lines when piped: payload and headers included)'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "tail" -d 'Follow the DLQs live: `chatctl ui` on its :dlq screen (detail pane, filter, re-drive after a confirmation, export, pause)'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "redrive" -d 'Put dead letters back on their origin topic (key and headers kept, `chatctl-redriven` and `chatctl-redrive-count` added); each at most once, whoever runs it. A dry run unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -f -a "list" -d 'Every quarantined record: when, topic, event id and type, size, why, whether replayed'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -f -a "replay" -d 'Put quarantined records back on their topic (key kept), each at most once. A dry run unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and not __fish_seen_subcommand_from list replay help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l file -d 'A quarantine file (repeatable; default: every *.jsonl in --dir)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l dir -d 'Where `chatctl serve` keeps its quarantine files' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l file -d 'A quarantine file (repeatable; default: every *.jsonl in --dir)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l dir -d 'Where `chatctl serve` keeps its quarantine files' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l id -d 'Only this event (or `line:N` of a record that is not an event); repeatable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -l execute -d 'Replay (without it, only say what would be replayed)'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from replay" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every quarantined record: when, topic, event id and type, size, why, whether replayed'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from help" -f -a "replay" -d 'Put quarantined records back on their topic (key kept), each at most once. A dry run unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand quarantine; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -f -a "ensure" -d 'Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where missing; report each as created or present'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -f -a "list" -d 'Every topic of the cluster: partitions and replicas'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -f -a "describe" -d 'Partitions (leader, replicas, log start/end, records, first/last record time), configs and the groups reading each topic with their lag'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -f -a "create" -d 'Create a topic'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -f -a "delete" -d 'Delete topics (a dry run unless --execute)'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -f -a "alter-config" -d 'Set configs of a topic, e.g. -c retention.ms=86400000 (a dry run unless --execute)'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and not __fish_seen_subcommand_from ensure list describe create delete alter-config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l partitions -d 'Partitions of chat-events and stream-events (overrides topics.partitions)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l replication-factor -d 'Replication factor (overrides topics.replication-factor)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from ensure" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l internal -d 'Also internal topics (names starting with __)'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s p -l partitions -d 'Partitions' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s r -l replication-factor -d 'Replication factor' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s c -l topic-config -d 'A topic config (repeatable), e.g. -c cleanup.policy=compact' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l execute -d 'Delete them (without it: say what would be deleted, change nothing)'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s c -l topic-config -d 'A config to set (repeatable)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l execute -d 'Apply (without it: show the change, apply nothing)'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "ensure" -d 'Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where missing; report each as created or present'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every topic of the cluster: partitions and replicas'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Partitions (leader, replicas, log start/end, records, first/last record time), configs and the groups reading each topic with their lag'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete topics (a dry run unless --execute)'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "alter-config" -d 'Set configs of a topic, e.g. -c retention.ms=86400000 (a dry run unless --execute)'
complete -c chatctl -n "__fish_chatctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -s p -l partition -d 'Only these partitions (repeatable)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l offset -d 'Where to start: beginning, end, an offset, -N (N before the end), @TIME (first record at or after it) or @TIME1:TIME2 (records in [TIME1, TIME2)); TIME as --since takes it' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l since -d 'From this time (as replay --since): the same as --offset @TIME' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l until -d 'Up to this time, exclusive (with --since)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -s n -l count -d 'Stop after this many records' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -s f -l format -d 'A template per record (kcat\'s tokens): %t topic, %p partition, %o offset, %k key, %s (or %v) value, %K/%S key/value length, %T timestamp (ms), %h headers (k=v,...), %% a percent sign; \\n \\t \\\\ escapes' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l follow -d 'Keep reading past the end, printing records as they arrive'
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -l raw -d 'Values as they are, one per line (the same as --format \'%s\\n\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand consume" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -s K -l key-separator -d 'Each line is KEY<separator>VALUE (lines without the separator are refused)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -s k -l key -d 'One key for every record' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -s H -l header -d 'A header on every record (repeatable)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l partition -d 'Only this partition (default: by key, or spread without one)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l file -d 'Read the lines from this file (default: stdin), with a progress bar on a terminal' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand produce" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -f -a "get-contexts" -d 'Every context, the current one marked'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -f -a "use-context" -d 'Make NAME the current context (remembered in the user config)'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -f -a "current-context" -d 'Print the current context'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -f -a "view" -d 'The effective settings (secrets masked)'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and not __fish_seen_subcommand_from get-contexts use-context current-context view help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -l origin -d 'Say which file and layer each value came from'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get-contexts" -d 'Every context, the current one marked'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use-context" -d 'Make NAME the current context (remembered in the user config)'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "current-context" -d 'Print the current context'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "view" -d 'The effective settings (secrets masked)'
complete -c chatctl -n "__fish_chatctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l screen -d 'The screen to open: nodes, streams, sessions, stalls, groups (lag), dlq, topics' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l redis -d 'Redis URL for the real-time path: redis://HOST:PORT, rediss:// for TLS, an ACL user as rediss://USER@HOST:PORT (the password: --redis-password-file or CHATCTL_REDIS_PASSWORD); behind Sentinel, redis+sentinel://H1:P1,H2:P2,.../MASTER (rediss+sentinel:// for TLS): the primary is found through the sentinels and followed across failovers; a Redis Cluster, redis+cluster://H1:P1,H2:P2,... (rediss+cluster:// for TLS; name several nodes)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l redis-ca -d 'CA certificate that signs the rediss:// server\'s certificate (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l redis-password-file -d 'Read the Redis password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l interval -d 'Time between lag polls (default: 2s, or 75ms per group where longer: 200 groups, every 15s)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand ui" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand security" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -s b -l brokers -d 'Kafka bootstrap servers, host:port[,host:port...]' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -s X -d 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Human tables (the default on a terminal)'
wide\t'Tables at full width, never wrapped'
json\t'JSON Lines (the default when stdout is not a terminal)'
yaml\t'YAML: a list of rows, or one document per described item'
plain\t'Whitespace-aligned columns under UPPER-HYPHEN headers, no borders: for awk, cut, column'"
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l context -d 'Context: a named cluster of the user config or ./chatctl.toml ([contexts.NAME]); default: the current context (`chatctl config use-context`)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l config -d 'Config file layered over the user config (default: ./chatctl.toml when present)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l timeout -d 'Bound on each broker request, e.g. 10s' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default: SASL_SSL with a SASL mechanism, SSL with a CA or client certificate)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l ssl-ca -d 'CA certificate(s) that sign the brokers\' certificates (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l ssl-cert -d 'Client certificate for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l ssl-key -d 'Client key for mutual TLS (PEM)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l sasl-mechanism -d 'SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l sasl-username -d 'SASL user name (the password: --sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l sasl-password-file -d 'Read the SASL password from this file (first line)' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l sasl-password-env -d 'Read the SASL password from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l oauth-token-url -d 'OAUTHBEARER: the OIDC token endpoint (client credentials grant)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l oauth-client-id -d 'OAUTHBEARER: the client id (the secret: --oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET)' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l oauth-client-secret-file -d 'OAUTHBEARER: read the client secret from this file' -r -F
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l oauth-client-secret-env -d 'OAUTHBEARER: read the client secret from this environment variable' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -l oauth-scope -d 'OAUTHBEARER: the scope to ask for' -r
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -s v -l verbose -d 'More logs (-v info and librdkafka\'s own, -vv debug, -vvv trace); RUST_LOG overrides'
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chatctl -n "__fish_chatctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "serve" -d 'Run the engine: WebSocket gateway streaming answers, events to Kafka'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "chat" -d 'Ask one question and stream the answer, resuming on the next --node if its node goes'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "announce" -d 'Tell connected users something, on every node (--all, --session S or --user U)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "replay" -d 'Re-read events by time or offset range: print, copy to a topic, or feed a worker'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "session" -d 'One session\'s timeline (reads only the session\'s partitions)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "stalls" -d 'Every answer whose user waited longer than a gap, with its cause, from Kafka alone'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "audit" -d 'Audit trail queries: a user\'s sessions, latency per node, recent errors'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "stats" -d 'Per-node, per-minute stream figures (analytics worker)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "search" -d 'Full-text search over chat messages (the search worker\'s index)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "summaries" -d 'Conversation summaries kept by the summary worker'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "training" -d 'Training data kept by the training worker'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "groups" -d 'Consumer groups: list, describe, reset offsets (dry-run by default), delete'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "lag" -d 'Consumer lag per group and partition: records, seconds, rate, status (--watch: live TUI)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "dlq" -d 'Dead letters: list, follow live (TUI) and re-drive to their origin topic'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "quarantine" -d 'Events Kafka refused for good: list them, replay them once the cause is fixed'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "topics" -d 'Topics: create chatctl\'s own (ensure), list, describe, create, delete, alter-config'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "consume" -d 'Read any topic: from an offset, N before the end, a time or a time window; -n, --follow, kcat-style --format templates'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "produce" -d 'Write one record per stdin line to any topic: keys, headers, a partition'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "config" -d 'Contexts (named clusters) and the effective settings: get-contexts, use-context, current-context, view'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "ui" -d 'The operator console: :nodes, :streams, :groups, :dlq (k9s\'s keys; ? lists them)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "security" -d 'The Kafka security flags (TLS, SASL, OAUTHBEARER) every command takes'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and not __fish_seen_subcommand_from serve chat announce replay session stalls audit stats search summaries training groups lag dlq quarantine topics consume produce config ui security completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "sessions" -d 'Sessions of a user since a time'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "latency" -d 'Average streaming latency per node'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "errors" -d 'Stream errors in a window (default: the last hour)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from training" -f -a "export" -d 'Write prompt/answer pairs as JSON Lines'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'Every consumer group: state, members, partitions with offsets, total lag'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "describe" -d 'Groups (named, or --all-groups): state, members, and per partition the committed offset, log end, lag, owner'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "reset" -d 'Move a group\'s committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints the plan and changes nothing unless --execute; refused while the group has members'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete" -d 'Delete a group and its committed offsets; refused while it has members. Says what it would delete and changes nothing unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete-offsets" -d 'Delete a group\'s committed offsets on some topics (kafka-consumer-groups.sh --delete-offsets); changes nothing unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "list" -d 'Every dead letter: time, origin topic/partition/offset, worker, error, attempts, whether it was re-driven (JSON Lines when piped: payload and headers included)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "tail" -d 'Follow the DLQs live: `chatctl ui` on its :dlq screen (detail pane, filter, re-drive after a confirmation, export, pause)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "redrive" -d 'Put dead letters back on their origin topic (key and headers kept, `chatctl-redriven` and `chatctl-redrive-count` added); each at most once, whoever runs it. A dry run unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from quarantine" -f -a "list" -d 'Every quarantined record: when, topic, event id and type, size, why, whether replayed'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from quarantine" -f -a "replay" -d 'Put quarantined records back on their topic (key kept), each at most once. A dry run unless --execute'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "ensure" -d 'Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where missing; report each as created or present'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'Every topic of the cluster: partitions and replicas'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "describe" -d 'Partitions (leader, replicas, log start/end, records, first/last record time), configs and the groups reading each topic with their lag'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "create" -d 'Create a topic'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "delete" -d 'Delete topics (a dry run unless --execute)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "alter-config" -d 'Set configs of a topic, e.g. -c retention.ms=86400000 (a dry run unless --execute)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get-contexts" -d 'Every context, the current one marked'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use-context" -d 'Make NAME the current context (remembered in the user config)'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "current-context" -d 'Print the current context'
complete -c chatctl -n "__fish_chatctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "view" -d 'The effective settings (secrets masked)'
