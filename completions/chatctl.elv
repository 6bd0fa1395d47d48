
use builtin;
use str;

set edit:completion:arg-completer[chatctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'chatctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'chatctl'= {
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Run the engine: WebSocket gateway streaming answers, events to Kafka'
            cand chat 'Ask one question and stream the answer, resuming on the next --node if its node goes'
            cand announce 'Tell connected users something, on every node (--all, --session S or --user U)'
            cand replay 'Re-read events by time or offset range: print, copy to a topic, or feed a worker'
            cand session 'One session''s timeline (reads only the session''s partitions)'
            cand audit 'Audit trail queries: a user''s sessions, latency per node, recent errors'
            cand stats 'Per-node, per-minute stream figures (analytics worker)'
            cand search 'Full-text search over chat messages (the search worker''s index)'
            cand summaries 'Conversation summaries kept by the summary worker'
            cand training 'Training data kept by the training worker'
            cand groups 'Consumer groups: list, describe, reset offsets (dry-run by default), delete'
            cand lag 'Consumer lag per group and partition: records, seconds, rate, status (--watch: live TUI)'
            cand dlq 'Dead letters: list, follow live (TUI) and re-drive to their origin topic'
            cand topics 'Create the Kafka topics chatctl uses (idempotent)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;serve'= {
            cand --role 'What this process runs'
            cand --workers 'Workers to run (with --role all or worker)'
            cand --instance-id 'Static group membership (KIP-345): a stable id for this worker process, so a restart takes its partitions back at once instead of after the session timeout'
            cand --audit-url 'Store: sqlite://PATH or postgres://...'
            cand --search-index 'Directory of the search worker''s index'
            cand --notify-url 'Webhook the notify worker POSTs alerts to'
            cand --notify-format 'Body of webhook calls'
            cand --smtp-url 'SMTP server alerts are emailed through: smtp://host:port, smtps://..., user:pass@ allowed'
            cand --alert-from 'Sender of alert emails'
            cand --alert-to 'Recipient of alert emails (repeatable, or comma-separated)'
            cand --sla 'A completed answer slower than this raises a slow-answer alert'
            cand --alert-window 'Alerts are grouped per kind, node and code over windows this long: one alert at the first occurrence, then one digest with the count when the window ends'
            cand --listen 'Address to listen on'
            cand --jwt-secret 'HS256 secret that signs client JWTs (the user id is the token''s `sub`)'
            cand --llm 'LLM upstream'
            cand --llm-url 'Base URL of the OpenAI-compatible server'
            cand --llm-model 'Model name sent upstream'
            cand --llm-timeout 'Longest silence from the upstream before TIMEOUT_ERROR'
            cand --model-chunks 'Built-in model: chunks per answer'
            cand --model-words 'Built-in model: words per chunk'
            cand --model-interval 'Built-in model: pause before each chunk'
            cand --max-streams-per-user 'Concurrent answers per user'
            cand --max-connections 'Open WebSocket connections per node; past it, upgrades get 503 + Retry-After'
            cand --max-connections-per-user 'Open WebSocket connections per user on one node; past it, 429 + Retry-After'
            cand --max-frame-bytes 'Largest accepted client frame (bytes)'
            cand --rate-limit 'Frames per second per connection'
            cand --event-queue 'Events that may wait for Kafka before chunk telemetry is coalesced (at 50%) and new chats are refused (at 80%)'
            cand --spool-dir 'Where events wait on disk until Kafka acknowledges them, so a crash during a broker outage loses none (default: chatctl-data/spool/<node-id>)'
            cand --buffer-ttl 'How long a resume buffer lives in Redis'
            cand --lease-ttl 'How long a generating node''s lease on an answer lasts without renewal: after a crash, another node continues the answer within this (plus ~0.3 s)'
            cand --drain-grace 'On SIGTERM / Ctrl-C: the least time `/readyz` answers 503 before the listener closes'
            cand --drain-timeout 'On SIGTERM / Ctrl-C: how long in-flight answers may take to finish'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand --insecure-dev-auth 'Accept connections without a token (user from ?user=, else "anonymous"). Local trials only'
            cand --model-stamp 'Built-in model: prefix each chunk with its emit time in unix µs (for load tests)'
            cand --no-spool 'Keep unacknowledged events in memory only (a crash while the broker is away loses them)'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;chat'= {
            cand --node 'A node''s WebSocket URL; repeat for the nodes to resume on, in order'
            cand --user 'User id (nodes run with --insecure-dev-auth)'
            cand --token 'HS256 token (nodes run with --jwt-secret)'
            cand --conversation 'Conversation id: the turns of one conversation share it (and its summary)'
            cand --switch-after 'Leave the first node after this many chunks and resume on the next one'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;announce'= {
            cand --session 'The client of this session, wherever it is connected'
            cand --user 'Every connection of this user'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand --all 'Every connected client, on every node'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;replay'= {
            cand --topic 'Which topic(s) to replay'
            cand --since 'From this time: RFC 3339, a date, or a duration ago (2h, 7d)'
            cand --until 'Up to this time (exclusive); default: the log end when the replay starts'
            cand --partition 'Only this partition (with --from-offset / --to-offset)'
            cand --from-offset 'First offset (inclusive)'
            cand --to-offset 'Last offset (exclusive)'
            cand --event-type 'Only these event types (repeatable)'
            cand --session 'Only this session'
            cand --user 'Only events carrying this userId'
            cand --where 'Only events whose JSON field equals a value, e.g. --where metadata.nodeId=ws-node-1'
            cand --to-topic 'Copy matching records to this topic (keys, headers and timestamps kept)'
            cand --into 'Feed matching events to a worker''s handler'
            cand --audit-url 'Store: sqlite://PATH or postgres://...'
            cand --search-index 'Index of --into search'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand --rebuild 'With --into analytics, search, training or summary: empty that worker''s store or index first'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;session'= {
            cand --since 'Start of the scan: RFC 3339, a date, or a duration ago. Default: when the id is a UUIDv7 (the gateway mints those), its own time minus --clock-skew; otherwise 7d'
            cand --clock-skew 'How far other nodes'' clocks may lag the node that minted the session id (used for the default --since)'
            cand --until 'End of the scan (exclusive; default: the log end)'
            cand --out 'Also write the timeline as JSON to this file'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand --json 'Print the timeline as one JSON document'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;audit'= {
            cand --audit-url 'Store: sqlite://PATH or postgres://...'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sessions 'Sessions of a user since a time'
            cand latency 'Average streaming latency per node'
            cand errors 'Stream errors in a window (default: the last hour)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;audit;sessions'= {
            cand --user 'The user id (the JWT `sub`)'
            cand --since 'RFC 3339, a date, or a duration ago (7d)'
            cand --audit-url 'Store: sqlite://PATH or postgres://...'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;audit;latency'= {
            cand --since 'since'
            cand --until 'until'
            cand --audit-url 'Store: sqlite://PATH or postgres://...'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;audit;errors'= {
            cand --since 'since'
            cand --until 'until'
            cand --audit-url 'Store: sqlite://PATH or postgres://...'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;audit;help'= {
            cand sessions 'Sessions of a user since a time'
            cand latency 'Average streaming latency per node'
            cand errors 'Stream errors in a window (default: the last hour)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;audit;help;sessions'= {
        }
        &'chatctl;audit;help;latency'= {
        }
        &'chatctl;audit;help;errors'= {
        }
        &'chatctl;audit;help;help'= {
        }
        &'chatctl;stats'= {
            cand --audit-url 'Store: sqlite://PATH or postgres://...'
            cand --since 'RFC 3339, a date, or a duration ago'
            cand --until 'until'
            cand --node 'Only this node'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;search'= {
            cand --session 'Only this session'
            cand --user 'Only this user'
            cand --limit 'At most this many hits'
            cand --search-index 'The index directory'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;summaries'= {
            cand --conversation 'Only this conversation'
            cand --user 'Only this user''s conversations'
            cand --audit-url 'Store: sqlite://PATH or postgres://...'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;training'= {
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand export 'Write prompt/answer pairs as JSON Lines'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;training;export'= {
            cand --since 'Answers from this time: RFC 3339, a date, or a duration ago'
            cand --until 'Answers before this time'
            cand --out 'Write to this file instead of standard output'
            cand --audit-url 'Store: sqlite://PATH or postgres://...'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;training;help'= {
            cand export 'Write prompt/answer pairs as JSON Lines'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;training;help;export'= {
        }
        &'chatctl;training;help;help'= {
        }
        &'chatctl;groups'= {
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every consumer group: state, members, partitions with offsets, total lag'
            cand describe 'One group: state, members, and per partition the committed offset, log end, lag, owner'
            cand reset 'Move a group''s committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints the plan and changes nothing unless --execute; refused while the group has members'
            cand delete 'Delete a group and its committed offsets; refused while it has members'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;groups;list'= {
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;groups;describe'= {
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;groups;reset'= {
            cand -g 'A group to reset (repeatable)'
            cand --group 'A group to reset (repeatable)'
            cand --topic 'Partitions to reset: TOPIC or TOPIC:P,P (repeatable)'
            cand --to-offset 'This offset in every partition'
            cand --shift-by 'Move by N from the committed offset (negative: back)'
            cand --to-datetime 'The first record at or after this time: 2026-01-01T00:00:00.000[Z|+02:00], RFC 3339, a date, epoch ms'
            cand --by-duration 'The first record at or after this long ago: PT1H, P1DT2H, PT0.1S, or 2h, 7d'
            cand --from-file 'Targets from a plan file: Kafka''s topic,partition,offset (one group) or group,topic,partition,offset'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand --all-groups 'Every consumer group the broker lists'
            cand --all-topics 'Every partition the group has committed offsets for'
            cand --to-earliest 'The first offset still in the log'
            cand --to-latest 'The log end (skip everything not yet consumed)'
            cand --to-current 'Where the group is now (the log end where it has no offset)'
            cand --execute 'Apply the plan (without it: dry run, nothing changes)'
            cand --dry-run 'Plan only, change nothing (the default; kafka-consumer-groups.sh''s flag)'
            cand --export 'Print the plan as Kafka''s CSV (what --from-file reads) instead of a table'
            cand --kafka-table 'Print the plan as kafka-consumer-groups.sh does (GROUP TOPIC PARTITION NEW-OFFSET)'
            cand --force 'Go on where the broker cannot tell whether the group has members (a running member would overwrite the reset with its next commit)'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;groups;delete'= {
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand --force 'Go on where the broker cannot tell whether the group has members'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;groups;help'= {
            cand list 'Every consumer group: state, members, partitions with offsets, total lag'
            cand describe 'One group: state, members, and per partition the committed offset, log end, lag, owner'
            cand reset 'Move a group''s committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints the plan and changes nothing unless --execute; refused while the group has members'
            cand delete 'Delete a group and its committed offsets; refused while it has members'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;groups;help;list'= {
        }
        &'chatctl;groups;help;describe'= {
        }
        &'chatctl;groups;help;reset'= {
        }
        &'chatctl;groups;help;delete'= {
        }
        &'chatctl;groups;help;help'= {
        }
        &'chatctl;lag'= {
            cand -g 'Only this group (repeatable); default: every group the broker lists'
            cand --group 'Only this group (repeatable); default: every group the broker lists'
            cand --interval 'Time between polls (default: 2s with --watch, 1s otherwise)'
            cand --window 'One-shot: sample at most this long (default 15s). --watch: a lagging partition not yet judged is stopped after this long without moving (default 5m)'
            cand --allowed-lag 'Lag (records) at or under which a partition is OK (Burrow''s allowed-lag)'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -w 'Live TUI (q or Ctrl-C quits); with -o json (or stdout not a terminal): one JSON line per group (per partition with --partitions) every interval'
            cand --watch 'Live TUI (q or Ctrl-C quits); with -o json (or stdout not a terminal): one JSON line per group (per partition with --partitions) every interval'
            cand --partitions 'One row per partition instead of per group'
            cand --exit-code 'Exit 7 when a group is ERR, 8 when one is WARN (for cron and alerting)'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;dlq'= {
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every dead letter: time, origin topic/partition/offset, worker, error, attempts, whether it was re-driven (JSON Lines when piped: payload and headers included)'
            cand tail 'Follow the DLQs live (TUI): detail pane, filter, re-drive, export, pause'
            cand redrive 'Put dead letters back on their origin topic (key and headers kept, `chatctl-redriven` added); each at most once, whoever runs it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;dlq;list'= {
            cand -t 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic'
            cand --topic 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand --pending 'Hide records already re-driven'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;dlq;tail'= {
            cand -t 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic'
            cand --topic 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;dlq;redrive'= {
            cand -t 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic'
            cand --topic 'Only this DLQ (repeatable): `stream-events.dlq`, or its origin `stream-events`; default: every `*.dlq` topic'
            cand --offset 'These DLQ offsets (repeatable; with one --topic when several DLQs have records)'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand --all 'Every dead letter not yet re-driven'
            cand --dry-run 'Say what would be re-driven, change nothing'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;dlq;help'= {
            cand list 'Every dead letter: time, origin topic/partition/offset, worker, error, attempts, whether it was re-driven (JSON Lines when piped: payload and headers included)'
            cand tail 'Follow the DLQs live (TUI): detail pane, filter, re-drive, export, pause'
            cand redrive 'Put dead letters back on their origin topic (key and headers kept, `chatctl-redriven` added); each at most once, whoever runs it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;dlq;help;list'= {
        }
        &'chatctl;dlq;help;tail'= {
        }
        &'chatctl;dlq;help;redrive'= {
        }
        &'chatctl;dlq;help;help'= {
        }
        &'chatctl;topics'= {
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ensure 'Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where missing; report each as created or present'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;topics;ensure'= {
            cand --partitions 'Partitions of chat-events and stream-events (overrides topics.partitions)'
            cand --replication-factor 'Replication factor (overrides topics.replication-factor)'
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;topics;help'= {
            cand ensure 'Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where missing; report each as created or present'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;topics;help;ensure'= {
        }
        &'chatctl;topics;help;help'= {
        }
        &'chatctl;completions'= {
            cand -b 'Kafka bootstrap servers, host:port[,host:port...]'
            cand --brokers 'Kafka bootstrap servers, host:port[,host:port...]'
            cand -X 'Pass a librdkafka property through (repeatable), e.g. -X security.protocol=SASL_SSL'
            cand --redis 'Redis URL for the real-time path, e.g. redis://127.0.0.1:6379'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Named profile of the config file ([profiles.NAME])'
            cand --config 'Config file (default: ./chatctl.toml when present)'
            cand --node-id 'This node''s id in events and logs (default: the host name)'
            cand --timeout 'Bound on each broker request, e.g. 10s'
            cand -v 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand --verbose 'More logs (-v info and librdkafka''s own, -vv debug, -vvv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chatctl;help'= {
            cand serve 'Run the engine: WebSocket gateway streaming answers, events to Kafka'
            cand chat 'Ask one question and stream the answer, resuming on the next --node if its node goes'
            cand announce 'Tell connected users something, on every node (--all, --session S or --user U)'
            cand replay 'Re-read events by time or offset range: print, copy to a topic, or feed a worker'
            cand session 'One session''s timeline (reads only the session''s partitions)'
            cand audit 'Audit trail queries: a user''s sessions, latency per node, recent errors'
            cand stats 'Per-node, per-minute stream figures (analytics worker)'
            cand search 'Full-text search over chat messages (the search worker''s index)'
            cand summaries 'Conversation summaries kept by the summary worker'
            cand training 'Training data kept by the training worker'
            cand groups 'Consumer groups: list, describe, reset offsets (dry-run by default), delete'
            cand lag 'Consumer lag per group and partition: records, seconds, rate, status (--watch: live TUI)'
            cand dlq 'Dead letters: list, follow live (TUI) and re-drive to their origin topic'
            cand topics 'Create the Kafka topics chatctl uses (idempotent)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chatctl;help;serve'= {
        }
        &'chatctl;help;chat'= {
        }
        &'chatctl;help;announce'= {
        }
        &'chatctl;help;replay'= {
        }
        &'chatctl;help;session'= {
        }
        &'chatctl;help;audit'= {
            cand sessions 'Sessions of a user since a time'
            cand latency 'Average streaming latency per node'
            cand errors 'Stream errors in a window (default: the last hour)'
        }
        &'chatctl;help;audit;sessions'= {
        }
        &'chatctl;help;audit;latency'= {
        }
        &'chatctl;help;audit;errors'= {
        }
        &'chatctl;help;stats'= {
        }
        &'chatctl;help;search'= {
        }
        &'chatctl;help;summaries'= {
        }
        &'chatctl;help;training'= {
            cand export 'Write prompt/answer pairs as JSON Lines'
        }
        &'chatctl;help;training;export'= {
        }
        &'chatctl;help;groups'= {
            cand list 'Every consumer group: state, members, partitions with offsets, total lag'
            cand describe 'One group: state, members, and per partition the committed offset, log end, lag, owner'
            cand reset 'Move a group''s committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints the plan and changes nothing unless --execute; refused while the group has members'
            cand delete 'Delete a group and its committed offsets; refused while it has members'
        }
        &'chatctl;help;groups;list'= {
        }
        &'chatctl;help;groups;describe'= {
        }
        &'chatctl;help;groups;reset'= {
        }
        &'chatctl;help;groups;delete'= {
        }
        &'chatctl;help;lag'= {
        }
        &'chatctl;help;dlq'= {
            cand list 'Every dead letter: time, origin topic/partition/offset, worker, error, attempts, whether it was re-driven (JSON Lines when piped: payload and headers included)'
            cand tail 'Follow the DLQs live (TUI): detail pane, filter, re-drive, export, pause'
            cand redrive 'Put dead letters back on their origin topic (key and headers kept, `chatctl-redriven` added); each at most once, whoever runs it'
        }
        &'chatctl;help;dlq;list'= {
        }
        &'chatctl;help;dlq;tail'= {
        }
        &'chatctl;help;dlq;redrive'= {
        }
        &'chatctl;help;topics'= {
            cand ensure 'Create chat-events, stream-events, multi-node-broadcast and their .dlq topics where missing; report each as created or present'
        }
        &'chatctl;help;topics;ensure'= {
        }
        &'chatctl;help;completions'= {
        }
        &'chatctl;help;help'= {
        }
    ]
    $completions[$command]
}
