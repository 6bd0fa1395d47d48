//! The values at a few dotted paths of a JSON document, in one pass, without building the
//! rest of it: everything off the paths is skipped as it is read (serde's `IgnoredAny`).
//! Replay filters look at two or three fields of every record; this makes that cost a
//! scan, not a parse into a tree.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The value at each of `paths` (each a list of object keys) in `json`; None where a path
/// is absent. A key given twice counts its last value, as a full parse would. Err when the
/// document is not JSON. At most 64 paths (a bit each: no allocation per key read).
pub fn pick(json: &[u8], paths: &[Vec<String>]) -> serde_json::Result<Vec<Option<Value>>> {
    assert!(paths.len() <= MAX_PATHS, "at most {MAX_PATHS} paths");
    let mut out = vec![None; paths.len()];
    let mut de = serde_json::Deserializer::from_slice(json);
    let all = if paths.len() == MAX_PATHS { u64::MAX } else { (1u64 << paths.len()) - 1 };
    Pick { paths, depth: 0, active: all, out: &mut out }.deserialize(&mut de)?;
    de.end()?;
    Ok(out)
}

/// How many paths `pick` takes.
pub const MAX_PATHS: usize = 64;

struct Pick<'a> {
    paths: &'a [Vec<String>],
    depth: usize,
    /// The paths whose first `depth` keys led here, one bit each.
    active: u64,
    out: &'a mut Vec<Option<Value>>,
}

/// The indexes of the set bits of `mask`.
fn bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if mask == 0 {
            return None;
        }
        let i = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        Some(i)
    })
}

/// An object key, borrowed from the input unless it holds escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> DeserializeSeed<'de> for Pick<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Pick<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(key)) = map.next_key::<Key>()? {
            let here = bits(self.active)
                .filter(|&i| self.paths[i][self.depth] == key.as_ref())
                .fold(0u64, |m, i| m | (1 << i));
            if here == 0 {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let ends = bits(here).filter(|&i| self.paths[i].len() == self.depth + 1).fold(0u64, |m, i| m | (1 << i));
            let deeper = here & !ends;
            if ends == 0 {
                // A key given twice: its last value wins, so forget what the first gave.
                for i in bits(deeper) {
                    self.out[i] = None;
                }
                map.next_value_seed(Pick { paths: self.paths, depth: self.depth + 1, active: deeper, out: self.out })?;
                continue;
            }
            // Some path ends here: take the whole value, and walk it for the longer ones.
            let v: Value = map.next_value()?;
            for i in bits(deeper) {
                self.out[i] = self.paths[i][self.depth + 1..].iter().try_fold(&v, |v, k| v.get(k)).cloned();
            }
            for i in bits(ends) {
                self.out[i] = Some(v.clone());
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    // Scalars: no key to follow, nothing to pick.
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(p: &[&str]) -> Vec<Vec<String>> {
        p.iter().map(|p| p.split('.').map(String::from).collect()).collect()
    }

    #[test]
    fn picks_what_a_full_parse_would() {
        let docs: [&[u8]; 6] = [
            br#"{"eventType":"A","metadata":{"nodeId":"n1","x":[1,{"y":2}]},"n":3}"#,
            br#"{"metadata":{"nodeId":"n1"},"metadata":{"other":1}}"#,
            br#"{"metadata":"flat","eventType":null}"#,
            br#"{"meta\u0064ata":{"node\u0049d":"n\u0031"}}"#,
            br#"[1,2,{"eventType":"A"}]"#,
            br#""just a string""#,
        ];
        let wanted = paths(&["eventType", "metadata.nodeId", "metadata", "n", "metadata.x", "missing.deep.path"]);
        for doc in docs {
            let full: Value = serde_json::from_slice(doc).unwrap();
            let expect: Vec<Option<Value>> =
                wanted.iter().map(|p| p.iter().try_fold(&full, |v, k| v.get(k)).cloned()).collect();
            assert_eq!(pick(doc, &wanted).unwrap(), expect, "{}", String::from_utf8_lossy(doc));
        }
        assert!(pick(b"{\"a\":", &wanted).is_err());
        assert!(pick(b"{} trailing", &wanted).is_err());
    }
}
