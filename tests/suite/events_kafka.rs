//! Event contracts through the real broker: every event type produced by the project's
//! producer comes back equal; a malformed record is a typed decode error.

use crate::common;

use std::time::Duration;

use chatctl::events::{examples, DecodeError, Event, CHAT_EVENTS, STREAM_EVENTS};
use chatctl::kafka::partitioner::partition_for_key;
use chatctl::kafka::producer::EventProducer;
use common::{Broker, Engine};
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::producer::FutureRecord;
use rdkafka::{Message, Offset, TopicPartitionList};

const PARTITIONS: i32 = 4;

async fn read_back(broker: &Broker, topic: &str, partition: i32, offset: i64) -> Vec<u8> {
    let kafka = broker.kafka();
    let consumer: StreamConsumer = kafka.create(&kafka.reader_config()).unwrap();
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, partition, Offset::Offset(offset)).unwrap();
    consumer.assign(&tpl).unwrap();
    let msg = tokio::time::timeout(Duration::from_secs(20), consumer.recv()).await.expect("record within 20s").unwrap();
    assert_eq!((msg.partition(), msg.offset()), (partition, offset));
    msg.payload().unwrap_or_default().to_vec()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_event_type_round_trips_through_the_broker() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(PARTITIONS).await;
    let producer = EventProducer::new(&broker.kafka()).unwrap();

    for (i, payload) in examples().into_iter().enumerate() {
        let event = Event::new(format!("session-{i}"), "node-a", payload);
        let at = producer.send(&event).await.unwrap();
        // librdkafka's murmur2_random must agree with our Java-compatible partitioner.
        assert_eq!(at.partition, partition_for_key(event.session_id.as_bytes(), PARTITIONS), "{}", event.event_type());
        let bytes = read_back(&broker, event.topic(), at.partition, at.offset).await;
        assert_eq!(Event::decode(&bytes).unwrap(), event);
        let expected_topic = if event.event_type() == "CHAT_MESSAGE" { CHAT_EVENTS } else { STREAM_EVENTS };
        assert_eq!(event.topic(), expected_topic);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_record_is_a_typed_error() {
    let broker = Broker::start(Engine::Memory);
    broker.ensure_topics(1).await;
    let producer = EventProducer::new(&broker.kafka()).unwrap();
    for (raw, class) in
        [(&b"{\"eventType\": oops"[..], "not_json"), (&b"{\"eventType\":\"CHUNK_RECEIVED\"}"[..], "schema")]
    {
        let delivered = producer
            .raw()
            .send(FutureRecord::<str, [u8]>::to(STREAM_EVENTS).key("s").payload(raw), Duration::from_secs(10))
            .await
            .unwrap();
        let bytes = read_back(&broker, STREAM_EVENTS, delivered.partition, delivered.offset).await;
        let err: DecodeError = Event::decode(&bytes).unwrap_err();
        assert_eq!(err.class(), class, "{err}");
    }
}
