package par

import (
	"errors"
	"fmt"
	"testing"
)

func TestEachCallsEveryIndexOnceAndKeepsErrorsInOrder(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		got := make([]int, n)
		err := Each(n, func(i int) error {
			got[i]++
			if i%3 == 1 {
				return fmt.Errorf("e%d", i)
			}
			return nil
		})
		var want []error
		for i := range n {
			if got[i] != 1 {
				t.Fatalf("n=%d: fn(%d) ran %d times", n, i, got[i])
			}
			if i%3 == 1 {
				want = append(want, fmt.Errorf("e%d", i))
			}
		}
		if w := errors.Join(want...); fmt.Sprint(err) != fmt.Sprint(w) {
			t.Errorf("n=%d: errors %q, want %q", n, err, w)
		}
	}
}
