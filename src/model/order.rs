//! Ordering the few items a config or a chart has (bands, reasons, response times, labels): an
//! insertion sort, stable, and a fraction of the size of the standard library's sorts in the
//! WebAssembly (which would otherwise be compiled once for every item type and key).

/// Sorts `items` by `key`, keeping equal items in their order.
pub fn sort_few<T, K: PartialOrd>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_few(&mut v, |x| x.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<i32> = vec![];
        sort_few(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }
}
