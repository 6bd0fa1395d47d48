//! The everyday toolkit against a bare rdkafka program making the same broker calls, on
//! the same broker in the same run (kcat is the peer, but Debian's kcat cannot talk
//! to tansu: BROKER.md):
//!
//!   cargo bench --bench toolkit -- [--records 1000000] [--topics 100] [--groups 100] [--rounds 3]
//!
//! - `chatctl consume T -o json` (whole process) vs a BaseConsumer reading the same range
//!   and writing the same JSON envelope to a sink;
//! - `chatctl produce T -K :` of `--records` lines vs a producer with the same settings
//!   (idempotent, linger 5 ms) sending the same records and waiting for every answer;
//! - `chatctl topics describe` of `--topics` topics vs metadata, watermarks, the first and
//!   last record and DescribeConfigs per topic;
//! - `chatctl groups describe --all-groups` of `--groups` groups vs ListGroups,
//!   DescribeGroups and committed offsets with watermarks per group.
//!
//! tansu's memory engine (the broker is then not the bottleneck); medians of `--rounds`.

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use chatctl::kafka::KafkaSettings;
use common::{Broker, Engine};
use rdkafka::admin::ResourceSpecifier;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Message, Offset, TopicPartitionList};

/// `cargo bench --bench toolkit -- [OPTIONS]`
#[derive(clap::Parser)]
struct Args {
    /// Records consumed and produced
    #[arg(long, default_value_t = 1_000_000)]
    records: usize,
    /// Topics described
    #[arg(long, default_value_t = 100)]
    topics: usize,
    /// Groups described
    #[arg(long, default_value_t = 100)]
    groups: usize,
    /// Rounds of each measurement (the median is reported)
    #[arg(long, default_value_t = 3)]
    rounds: usize,
}

fn main() {
    let args: Args = support::args();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(run(args));
}

/// Time `chatctl ARGS` with `stdin`, its stdout thrown away; it must succeed.
fn timed_cli(broker: &Broker, args: &[&str], stdin: Option<&std::path::Path>) -> Duration {
    let mut cmd = common::chatctl();
    cmd.args(["-b", &broker.addr]).args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    if let Some(path) = stdin {
        cmd.stdin(std::fs::File::open(path).unwrap());
    }
    let t = Instant::now();
    let out = cmd.output().unwrap();
    let took = t.elapsed();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    took
}

async fn run(a: Args) {
    let broker = Broker::start(Engine::Memory);
    let kafka = broker.kafka();
    println!("| what | chatctl | bare rdkafka | ratio (bare / chatctl time) |");
    println!("|---|---|---|---|");
    let row = |what: &str, c: Duration, b: Duration| {
        println!(
            "| {what} | {:.2} s | {:.2} s | {:.2} |",
            c.as_secs_f64(),
            b.as_secs_f64(),
            b.as_secs_f64() / c.as_secs_f64()
        );
    };

    // Produce: the same lines from a file.
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("lines.txt");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&lines).unwrap());
        for i in 0..a.records {
            writeln!(f, "k{}:{{\"n\":{i},\"text\":\"a record of the toolkit bench\"}}", i % 1000).unwrap();
        }
    }
    let (mut c, mut b) = (Vec::new(), Vec::new());
    for round in 0..a.rounds {
        let (tc, tb) = (format!("produce-c-{round}"), format!("produce-b-{round}"));
        common::on_ok(&broker, &["topics", "create", &tc, "-p", "12"]);
        common::on_ok(&broker, &["topics", "create", &tb, "-p", "12"]);
        c.push(timed_cli(&broker, &["produce", &tc, "-K", ":"], Some(&lines)));
        b.push(bare_produce(&kafka, &tb, &lines).await);
    }
    row(&format!("produce {} lines", a.records), support::median(c), support::median(b));

    // Consume: what the last produce round wrote (12 partitions).
    let topic = format!("produce-c-{}", a.rounds - 1);
    let (mut c, mut b) = (Vec::new(), Vec::new());
    for _ in 0..a.rounds {
        c.push(timed_cli(&broker, &["consume", &topic, "-o", "json"], None));
        b.push(bare_consume(&kafka, &topic));
    }
    row(&format!("consume {} records -o json", a.records), support::median(c), support::median(b));

    // Describe many topics, each with a record.
    let names: Vec<String> = (0..a.topics).map(|i| format!("described-{i}")).collect();
    let producer: FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    for n in &names {
        common::on_ok(&broker, &["topics", "create", n, "-p", "3"]);
        producer.send(FutureRecord::<str, str>::to(n).key("k").payload("v"), Duration::from_secs(10)).await.unwrap();
    }
    let (mut c, mut b) = (Vec::new(), Vec::new());
    for _ in 0..a.rounds {
        let mut args = vec!["topics", "describe", "-o", "json"];
        args.extend(names.iter().map(String::as_str));
        c.push(timed_cli(&broker, &args, None));
        b.push(bare_describe_topics(&kafka, &names).await);
    }
    row(&format!("topics describe {} topics", a.topics), support::median(c), support::median(b));

    // Describe many groups, each with committed offsets on one topic.
    for g in 0..a.groups {
        let group = format!("bench-group-{g}");
        common::on_ok(&broker, &["groups", "reset", &group, "--topic", &topic, "--to-offset", "10", "--execute"]);
    }
    let (mut c, mut b) = (Vec::new(), Vec::new());
    for _ in 0..a.rounds {
        c.push(timed_cli(&broker, &["groups", "describe", "--all-groups", "-o", "json"], None));
        b.push(bare_describe_groups(&kafka));
    }
    row(&format!("groups describe --all-groups ({} groups)", a.groups), support::median(c), support::median(b));
}

async fn bare_produce(kafka: &KafkaSettings, topic: &str, lines: &std::path::Path) -> Duration {
    let text = std::fs::read_to_string(lines).unwrap();
    let t = Instant::now();
    let mut conf = kafka.producer_config();
    conf.set("enable.idempotence", "true").set("linger.ms", "5");
    let producer: FutureProducer = kafka.create(&conf).unwrap();
    let mut pending = std::collections::VecDeque::new();
    for line in text.lines() {
        let (k, v) = line.split_once(':').unwrap();
        let mut record = FutureRecord::to(topic).key(k).payload(v);
        loop {
            match producer.send_result(record) {
                Ok(d) => break pending.push_back(d),
                Err((_, r)) => {
                    record = r;
                    if let Some(d) = pending.pop_front() {
                        d.await.unwrap().unwrap();
                    }
                }
            }
        }
    }
    for d in pending {
        d.await.unwrap().unwrap();
    }
    t.elapsed()
}

/// Every record of `topic` from its start to its end now, each written as the JSON
/// envelope `consume -o json` writes.
fn bare_consume(kafka: &KafkaSettings, topic: &str) -> Duration {
    let t = Instant::now();
    let consumer: BaseConsumer = kafka.create(&kafka.bulk_reader_config()).unwrap();
    let md = consumer.fetch_metadata(Some(topic), Duration::from_secs(10)).unwrap();
    let mut tpl = TopicPartitionList::new();
    let mut left = 0i64;
    for p in md.topics()[0].partitions() {
        let (low, high) = consumer.fetch_watermarks(topic, p.id(), Duration::from_secs(10)).unwrap();
        left += high - low;
        tpl.add_partition_offset(topic, p.id(), Offset::Offset(low)).unwrap();
    }
    consumer.assign(&tpl).unwrap();
    let mut out = std::io::BufWriter::new(std::io::sink());
    while left > 0 {
        let Some(Ok(m)) = consumer.poll(Duration::from_millis(100)) else { continue };
        let value: serde_json::Value = serde_json::from_slice(m.payload().unwrap_or_default()).unwrap_or_default();
        let envelope = serde_json::json!({
            "topic": m.topic(), "partition": m.partition(), "offset": m.offset(),
            "timestamp": m.timestamp().to_millis(), "key": m.key().map(|k| String::from_utf8_lossy(k).into_owned()),
            "headers": {}, "value": value,
        });
        serde_json::to_writer(&mut out, &envelope).unwrap();
        out.write_all(b"\n").unwrap();
        left -= 1;
    }
    t.elapsed()
}

async fn bare_describe_topics(kafka: &KafkaSettings, names: &[String]) -> Duration {
    let t = Instant::now();
    let consumer: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
    let admin = kafka.admin().unwrap();
    for n in names {
        let md = consumer.fetch_metadata(Some(n), Duration::from_secs(10)).unwrap();
        let mut tpl = TopicPartitionList::new();
        let mut want = 0;
        for p in md.topics()[0].partitions() {
            let (low, high) = consumer.fetch_watermarks(n, p.id(), Duration::from_secs(10)).unwrap();
            if high > low {
                tpl.add_partition_offset(n, p.id(), Offset::Offset(low)).unwrap();
                want += 1;
            }
        }
        // The first record of each non-empty partition (describe also reads the last).
        let reader: BaseConsumer = kafka.create(&kafka.reader_config()).unwrap();
        reader.assign(&tpl).unwrap();
        while want > 0 {
            if let Some(Ok(_)) = reader.poll(Duration::from_millis(100)) {
                want -= 1;
            }
        }
        let opts = rdkafka::admin::AdminOptions::new();
        admin.describe_configs([&ResourceSpecifier::Topic(n)], &opts).await.unwrap();
    }
    t.elapsed()
}

fn bare_describe_groups(kafka: &KafkaSettings) -> Duration {
    let t = Instant::now();
    let client = chatctl::kafka::groups::admin_consumer(kafka).unwrap();
    let listed = chatctl::kafka::groups::list(client.client(), Duration::from_secs(10)).unwrap();
    let names: Vec<String> = listed.into_iter().map(|g| g.group).collect();
    let _ = chatctl::kafka::groups::describe(client.client(), &names, Duration::from_secs(10));
    let md = client.fetch_metadata(None, Duration::from_secs(10)).unwrap();
    let all = chatctl::kafka::groups::topic_partitions(&md, None);
    for g in &names {
        for (t, p, _) in chatctl::kafka::groups::committed(kafka, g, &all).unwrap() {
            client.fetch_watermarks(&t, p, Duration::from_secs(10)).unwrap();
        }
    }
    t.elapsed()
}
