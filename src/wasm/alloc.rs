//! The wasm's memory allocator: power-of-two size classes, one free list per
//! class, carved from `memory.grow` pages by a bump pointer. It replaces
//! Rust's default (dlmalloc, about 8 kB of code) with a few hundred bytes.
//!
//! Fit for what the core is: one thread (a page, a worker), short requests
//! whose allocations are all freed before the next one. A freed block goes
//! back to its class's list and serves the next request of that class, so a
//! long session reaches its peak after the first requests of each kind and
//! the memory stays flat from then on (native test below; the built wasm is
//! checked in `tests/static/wasm-memory.test.mjs`). What it gives up: blocks
//! are rounded up to a power of two (at most twice the size asked), and a
//! class's blocks are never split or merged for another class.
//!
//! Every block of class `k` (2^k bytes) starts at a multiple of
//! `min(2^k, PAGE)`, so any alignment up to a page is met by asking for the
//! class of `max(size, align)`. When the bump pointer is moved up to such a
//! boundary, the bytes skipped are cut into naturally aligned smaller blocks
//! and put on their lists, so nothing is lost.
//!
//! The logic is written over [`LinearMemory`] so that it is tested natively on a
//! simulated linear memory; the wasm instance is the real one.

// Natively only the tests use it.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

/// Bytes in a wasm page, the unit of `memory.grow`.
pub const PAGE: usize = 65_536;
/// The smallest class: 8 bytes (room for a free list link; `u64` alignment).
const MIN_CLASS: u32 = 3;
/// One list per class up to 2^31 bytes (a 32-bit address space).
const CLASSES: usize = 32;

/// A linear memory: addresses are offsets, words are 32-bit.
pub trait LinearMemory {
    /// Grows by `pages` pages; the previous size in pages, or `None` when
    /// the memory cannot grow.
    fn grow(&mut self, pages: usize) -> Option<usize>;
    fn read(&self, addr: usize) -> usize;
    fn write(&mut self, addr: usize, value: usize);
}

/// The allocator's state: the head of each class's free list (0 for empty:
/// no block starts at address 0, which the memory's data segments hold)
/// and the unused tail of the grown memory, `[next, end)`.
pub struct Heap {
    free: [usize; CLASSES],
    next: usize,
    end: usize,
}

impl Heap {
    pub const fn new() -> Self {
        Heap {
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// The class of a block that holds `size` bytes aligned to `align`;
    /// `None` when no class can.
    pub fn class(size: usize, align: usize) -> Option<u32> {
        let bytes = size.max(align).checked_next_power_of_two()?;
        let class = bytes.trailing_zeros().max(MIN_CLASS);
        // Blocks are aligned to at most a page; 2^31 is the last class.
        (align <= PAGE && (class as usize) < CLASSES).then_some(class)
    }

    /// A block of class `class`, or 0 when the memory cannot grow.
    pub fn alloc(&mut self, mem: &mut impl LinearMemory, class: u32) -> usize {
        let head = self.free[class as usize];
        if head != 0 {
            self.free[class as usize] = mem.read(head);
            return head;
        }
        let size = 1usize << class;
        let align = size.min(PAGE);
        // Checked: near the end of the address space nothing may wrap
        // around to low addresses.
        let Some(start) = self.next.checked_add(align - 1).map(|n| n & !(align - 1)) else {
            return 0;
        };
        let Some(stop) = start.checked_add(size) else {
            return 0;
        };
        if stop > self.end {
            let pages = (stop - self.end).div_ceil(PAGE);
            let Some(prev) = mem.grow(pages) else {
                return 0;
            };
            // An end of memory at the very end of the address space (4 GiB
            // on wasm32) does not fit a `usize`: those pages stay unused.
            let Some(end) = (prev + pages).checked_mul(PAGE) else {
                return 0;
            };
            if prev * PAGE != self.end {
                // The first growth, or someone else grew the memory: the old
                // tail goes to the free lists and the new pages start afresh.
                self.keep(mem, self.end);
                self.next = prev * PAGE;
            }
            self.end = end;
            return self.alloc(mem, class);
        }
        self.keep(mem, start);
        self.next = start + size;
        start
    }

    /// Gives a block of class `class` back.
    pub fn free(&mut self, mem: &mut impl LinearMemory, addr: usize, class: u32) {
        mem.write(addr, self.free[class as usize]);
        self.free[class as usize] = addr;
    }

    /// Moves `next` up to `to`, putting the bytes skipped on the free lists
    /// as naturally aligned blocks (both ends are multiples of 8).
    fn keep(&mut self, mem: &mut impl LinearMemory, to: usize) {
        while self.next < to {
            let at = self.next;
            let mut class = at.trailing_zeros().min(CLASSES as u32 - 1);
            while 1 << class > to - at {
                class -= 1;
            }
            self.free(mem, at, class);
            self.next = at + (1 << class);
        }
    }

    /// Bytes of memory grown so far, for tests.
    #[cfg(test)]
    fn grown(&self) -> usize {
        self.end
    }
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod global {
    use super::{Heap, LinearMemory};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;
    use core::ptr;

    /// The instance's own linear memory (index 0).
    struct Linear;

    impl LinearMemory for Linear {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            let prev = core::arch::wasm32::memory_grow(0, pages);
            (prev != usize::MAX).then_some(prev)
        }
        fn read(&self, addr: usize) -> usize {
            // SAFETY: `addr` is a free block of at least 8 bytes, aligned.
            unsafe { *(addr as *const usize) }
        }
        fn write(&mut self, addr: usize, value: usize) {
            // SAFETY: as above.
            unsafe { *(addr as *mut usize) = value }
        }
    }

    struct Global(UnsafeCell<Heap>);

    // SAFETY: without the `atomics` target feature a wasm instance has one
    // thread; nothing here is ever entered twice at once (the allocator
    // calls nothing that allocates).
    unsafe impl Sync for Global {}

    #[global_allocator]
    static HEAP: Global = Global(UnsafeCell::new(Heap::new()));

    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            match Heap::class(layout.size(), layout.align()) {
                // SAFETY: single thread, not reentrant (see `Sync`).
                Some(class) => unsafe { (*self.0.get()).alloc(&mut Linear, class) as *mut u8 },
                None => ptr::null_mut(),
            }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // `layout` is the one the block was allocated with, so its class
            // exists and is the block's.
            if let Some(class) = Heap::class(layout.size(), layout.align()) {
                // SAFETY: as in `alloc`.
                unsafe { (*self.0.get()).free(&mut Linear, ptr as usize, class) }
            }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let old = Heap::class(layout.size(), layout.align());
            if old.is_some() && old == Heap::class(new_size, layout.align()) {
                return ptr;
            }
            // SAFETY: the caller's contract (new_size non-zero, fits isize).
            let new =
                unsafe { self.alloc(Layout::from_size_align_unchecked(new_size, layout.align())) };
            if !new.is_null() {
                // SAFETY: both blocks hold at least the smaller size, and
                // distinct blocks never overlap.
                unsafe {
                    ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
            }
            new
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A simulated linear memory: `initial` pages (the data and the stack in
    /// a real instance), growable up to `max` pages.
    struct Sim {
        bytes: Vec<u8>,
        max: usize,
    }

    impl Sim {
        fn new(initial: usize, max: usize) -> Self {
            Sim {
                bytes: vec![0; initial * PAGE],
                max,
            }
        }
    }

    impl LinearMemory for Sim {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            let prev = self.bytes.len() / PAGE;
            if prev + pages > self.max {
                return None;
            }
            self.bytes.resize((prev + pages) * PAGE, 0);
            Some(prev)
        }
        fn read(&self, addr: usize) -> usize {
            u32::from_le_bytes(self.bytes[addr..addr + 4].try_into().unwrap()) as usize
        }
        fn write(&mut self, addr: usize, value: usize) {
            self.bytes[addr..addr + 4].copy_from_slice(&(value as u32).to_le_bytes());
        }
    }

    /// Live blocks: (address, size asked, align, class, fill byte).
    struct World {
        heap: Heap,
        mem: Sim,
        live: Vec<(usize, usize, usize, u32, u8)>,
    }

    impl World {
        fn new() -> Self {
            World {
                heap: Heap::new(),
                mem: Sim::new(17, 4096),
                live: Vec::new(),
            }
        }

        fn alloc(&mut self, size: usize, align: usize, fill: u8) {
            let class = Heap::class(size, align).unwrap();
            let addr = self.heap.alloc(&mut self.mem, class);
            assert_ne!(addr, 0, "out of memory for {size}");
            assert_eq!(addr % align, 0, "{size} bytes aligned to {align}");
            assert!(addr >= 17 * PAGE, "inside the initial memory");
            assert!(addr + size <= self.mem.bytes.len());
            for &(a, s, ..) in &self.live {
                assert!(addr + size <= a || a + s <= addr, "overlap");
            }
            self.mem.bytes[addr..addr + size].fill(fill);
            self.live.push((addr, size, align, class, fill));
        }

        fn free(&mut self, index: usize) {
            let (addr, size, _, class, fill) = self.live.swap_remove(index);
            assert!(
                self.mem.bytes[addr..addr + size].iter().all(|&b| b == fill),
                "a block was written over while live"
            );
            self.heap.free(&mut self.mem, addr, class);
        }
    }

    #[test]
    fn classes() {
        assert_eq!(Heap::class(1, 1), Some(3));
        assert_eq!(Heap::class(8, 8), Some(3));
        assert_eq!(Heap::class(9, 1), Some(4));
        assert_eq!(Heap::class(3, 16), Some(4));
        assert_eq!(Heap::class(PAGE + 1, 8), Some(17));
        assert_eq!(Heap::class(1 << 31, 8), Some(31));
        assert_eq!(Heap::class((1 << 31) + 1, 8), None);
        assert_eq!(Heap::class(usize::MAX, 8), None);
        assert_eq!(Heap::class(8, PAGE * 2), None);
    }

    #[test]
    fn a_freed_block_is_reused_by_its_class() {
        let mut w = World::new();
        w.alloc(24, 8, 1);
        let first = w.live[0].0;
        w.free(0);
        w.alloc(32, 4, 2);
        assert_eq!(w.live[0].0, first);
    }

    #[test]
    fn alignment_gaps_are_kept_for_smaller_classes() {
        let mut w = World::new();
        w.alloc(8, 8, 1); // 17 * PAGE
        w.alloc(1024, 8, 2); // skips 1016 bytes: 8 + 16 + ... + 512
        assert_eq!(w.live[1].0, 17 * PAGE + 1024);
        let grown = w.heap.grown();
        for (i, size) in [8, 16, 32, 64, 128, 256, 512].into_iter().enumerate() {
            w.alloc(size, 8, 3 + i as u8);
            assert!(
                w.live.last().unwrap().0 < 17 * PAGE + 1024,
                "{size} from the gap"
            );
        }
        assert_eq!(w.heap.grown(), grown);
    }

    #[test]
    fn large_blocks_and_out_of_memory() {
        let mut w = World::new();
        w.alloc(3 * PAGE, 8, 1);
        assert_eq!(w.live[0].0 % PAGE, 0);
        w.alloc(5, 2, 2);
        let class = Heap::class(4096 * PAGE, 8).unwrap();
        assert_eq!(w.heap.alloc(&mut w.mem, class), 0, "beyond the maximum");
        w.alloc(PAGE, PAGE, 3);
        w.free(0);
        w.alloc(3 * PAGE, 8, 4);
    }

    #[test]
    fn someone_else_growing_the_memory_is_survived() {
        let mut w = World::new();
        w.alloc(100, 8, 1);
        w.mem.grow(2).unwrap();
        w.alloc(PAGE, 8, 2);
        w.alloc(100, 8, 3);
        assert!(w.live[1].0 >= (17 + 1 + 2) * PAGE);
    }

    /// A memory that claims to end near the end of the address space.
    struct Far {
        pages: usize,
    }

    impl LinearMemory for Far {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            let prev = self.pages;
            self.pages = prev.checked_add(pages)?;
            Some(prev)
        }
        fn read(&self, _: usize) -> usize {
            0
        }
        fn write(&mut self, _: usize, _: usize) {}
    }

    #[test]
    fn no_address_wraps_around_at_the_end_of_the_address_space() {
        let last = usize::MAX / PAGE; // the page a `usize` cannot end
        let mut heap = Heap::new();
        let mut mem = Far { pages: last };
        assert_eq!(heap.alloc(&mut mem, 3), 0, "that page cannot be used");
        let mut heap = Heap::new();
        let mut mem = Far { pages: last - 1 };
        let small = heap.alloc(&mut mem, 3);
        assert_eq!(small, (last - 1) * PAGE);
        for class in [3, 10, 16, 20] {
            let a = heap.alloc(&mut mem, class);
            assert!(a == 0 || a > small, "class {class}: {a:#x}");
        }
    }

    /// A session's worth of requests, each allocating a mix of small and
    /// growing blocks and freeing them all: the memory stops growing after
    /// the first round.
    #[test]
    fn memory_stays_flat_over_a_long_session() {
        let mut w = World::new();
        let mut after_first = 0;
        for round in 0..10_000usize {
            let n = 20 + round % 13;
            for i in 0..n {
                let size = 1 + (i * 37 + round % 7 * 11) % (if i % 5 == 0 { 3000 } else { 90 });
                w.alloc(size, [1, 4, 8][i % 3], i as u8);
            }
            // Free in a scrambled order, as a request's values drop.
            while !w.live.is_empty() {
                let k = (round * 31 + w.live.len() * 7) % w.live.len();
                w.free(k);
            }
            if round == 0 {
                after_first = w.heap.grown();
            }
        }
        assert_eq!(w.heap.grown(), after_first);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any sequence of allocations and frees: blocks are aligned, never
        /// overlap, keep their contents, and what is freed is reused.
        #[test]
        fn blocks_never_overlap(ops in prop::collection::vec((0usize..3, 1usize..5000, 0u32..5), 1..300)) {
            let mut w = World::new();
            for (i, (op, size, align)) in ops.into_iter().enumerate() {
                if op == 0 && !w.live.is_empty() {
                    let k = size % w.live.len();
                    w.free(k);
                } else {
                    w.alloc(size, 1 << align, i as u8);
                }
            }
            let peak = w.heap.grown();
            // Everything freed, the same number of blocks of each class again
            // fits without growing.
            let classes: Vec<(usize, usize)> = w.live.iter().map(|&(_, s, a, ..)| (s, a)).collect();
            while !w.live.is_empty() {
                w.free(0);
            }
            for (i, (s, a)) in classes.into_iter().enumerate() {
                w.alloc(s, a, i as u8);
            }
            prop_assert_eq!(w.heap.grown(), peak);
        }
    }
}
