//! The index on its own: rebuilds swapped in, old indexes opened.

use super::writer::rebuild_dir;
use super::*;
use crate::events::{ChatMessage, Role};
use crate::events::{Event, Payload};
use tantivy::schema::{STORED, STRING, TEXT};

fn msg(i: usize, text: &str) -> Event {
    Event::new(
        format!("s{i}"),
        "n",
        Payload::ChatMessage(ChatMessage {
            message_id: format!("m{i}"),
            conversation_id: "c".into(),
            user_id: "u".into(),
            role: Role::User,
            content: text.into(),
            reply_to: None,
        }),
    )
}

/// A rebuild is written beside the live index and swapped in at the end; a search
/// opened before keeps answering from the old index meanwhile; a rebuild is refused
/// while a writer holds the live index.
#[tokio::test]
async fn a_rebuild_swaps_in_a_fresh_index() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("index");
    let writer = SearchIndex::open(&live).unwrap();
    writer.add(&msg(0, "old kafka")).await.unwrap();
    writer.add(&msg(1, "old replay")).await.unwrap();
    let refused = SearchIndex::rebuild(&live).err().expect("refused while written");
    assert!(matches!(refused, Error::Conflict(_)), "{refused}");
    writer.finish().await.unwrap();
    drop(writer);

    let before = SearchReader::open(&live).unwrap();
    let rebuild = SearchIndex::rebuild(&live).unwrap();
    for i in 0..100 {
        rebuild.add_bulk(&msg(10 + i, "new kafka")).await.unwrap();
    }
    assert_eq!(before.count().unwrap(), 2, "searches answer from the old index during a rebuild");
    assert_eq!(SearchReader::open(&live).unwrap().count().unwrap(), 2);
    rebuild.finish().await.unwrap();
    let after = SearchReader::open(&live).unwrap();
    assert_eq!(after.count().unwrap(), 100);
    assert!(after.search("old", None, None, 10).unwrap().is_empty());
    assert!(!rebuild_dir(&live).exists() && !live.with_extension("old").exists());
}

/// An index written by an earlier chatctl (conversationId, messageId and role indexed
/// too) is used as it is: written to, replaced by eventId, searched; a rebuild gives it
/// the current schema.
#[tokio::test]
async fn an_index_with_the_earlier_schema_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("index");
    std::fs::create_dir_all(&live).unwrap();
    let mut b = Schema::builder();
    for name in ["eventId", "sessionId", "conversationId", "messageId", "userId", "role"] {
        b.add_text_field(name, STRING | STORED);
    }
    b.add_text_field("content", TEXT | STORED);
    b.add_i64_field("timestamp", INDEXED | STORED | FAST);
    let earlier = b.build();
    Index::create_in_dir(&live, earlier.clone()).unwrap();

    let writer = SearchIndex::open(&live).unwrap();
    let first = msg(0, "kafka before");
    writer.add(&first).await.unwrap();
    let mut again = first.clone();
    if let Payload::ChatMessage(m) = &mut again.payload {
        m.content = "kafka after".into();
    }
    writer.add(&again).await.unwrap();
    writer.add(&msg(1, "redis")).await.unwrap();
    writer.finish().await.unwrap();
    drop(writer);
    let reader = SearchReader::open(&live).unwrap();
    assert_eq!(reader.count().unwrap(), 2, "the same eventId replaced, not added");
    let hits = reader.search("kafka", None, Some("u"), 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].content.as_str(), hits[0].message_id.as_str()), ("kafka after", "m0"));
    assert_eq!(Index::open_in_dir(&live).unwrap().schema(), earlier, "left as it was");

    let rebuild = SearchIndex::rebuild(&live).unwrap();
    rebuild.add_bulk(&msg(2, "kafka rebuilt")).await.unwrap();
    rebuild.finish().await.unwrap();
    assert_eq!(Index::open_in_dir(&live).unwrap().schema(), schema());
    assert_eq!(SearchReader::open(&live).unwrap().search("kafka", None, None, 10).unwrap().len(), 1);
}
