//! Stable sorting that costs little code: one merge sort over indices, shared by every caller.
//!
//! `slice::sort_by` instantiates a full sorting algorithm for every element type and closure.
//! Here the algorithm sorts `u32` indices through a `&mut dyn FnMut` comparison, so it exists
//! once; the generic part per caller is a short wrapper that moves the elements into their
//! sorted places. Meant for cold paths: each comparison is an indirect call.
#![deny(missing_docs)]

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`: equal elements keep their order.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let view: &[T] = items;
        sorted_indices(view.len(), &mut |a, b| {
            compare(&view[a as usize], &view[b as usize])
        })
    };
    permute(items, &order);
}

/// Sorts `items` stably by the key `key` gives each element.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..n` in the order `compare` gives them, equal ones in index order.
/// Bottom-up merge sort: `O(n log n)` comparisons, two index buffers.
fn sorted_indices(n: usize, compare: &mut dyn FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    // Callers hold the elements in memory, so there are far fewer than u32::MAX of them.
    let n = n.min(u32::MAX as usize);
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut spare = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(
                &order[start..middle],
                &order[middle..end],
                &mut spare[start..end],
                compare,
            );
            start = end;
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

/// Merges two sorted runs into `out`, taking from `left` on ties (stability).
fn merge(
    left: &[u32],
    right: &[u32],
    out: &mut [u32],
    compare: &mut dyn FnMut(u32, u32) -> Ordering,
) {
    let (mut l, mut r) = (0, 0);
    for slot in out.iter_mut() {
        let take_left = match (left.get(l), right.get(r)) {
            (Some(&a), Some(&b)) => compare(a, b) != Ordering::Greater,
            (Some(_), None) => true,
            _ => false,
        };
        if take_left {
            *slot = left[l];
            l += 1;
        } else {
            *slot = right[r];
            r += 1;
        }
    }
}

/// Rearranges `items` so that position `k` holds what was at `order[k]`.
fn permute<T>(items: &mut Vec<T>, order: &[u32]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&index| slots.get_mut(index as usize).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..300)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut theirs = items;
            theirs.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn sorts_by_a_full_comparison(items in proptest::collection::vec(any::<i32>(), 0..300)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.cmp(a));
            let mut theirs = items;
            theirs.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn moves_elements_that_are_not_copy() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "kiwi", "date"]
            .iter()
            .map(|w| (*w).to_owned())
            .collect();
        sort_by_key(&mut words, |word| word.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple"]);
    }
}
