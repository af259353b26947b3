// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
)

// crashLoad submits the demo app (deploy/demo/skjema) as one person: instantiate
// with an Idempotency-Key, PUT the form data, process/next to the end.
type crashLoad struct {
	hc    *http.Client
	base  string // http://ADDR/ttd/skjema
	party string
	token string
	run   string // tells this run's idempotency keys apart
	subs  []crashSub
	// acked counts submissions that got their final 200.
	acked atomic.Int64
}

// crashSub is one submission's client-side record.
type crashSub struct {
	// firstID is the instance id ("party/guid") of the first answer to instantiate.
	firstID string
	// tried: a request was sent; acked: process/next answered 200 (or the
	// instance was found already ended).
	tried, acked bool
}

// errRetry marks an answer that is not definitive: the request may or may not
// have taken effect (no response, or the server failing).
type errRetry struct{ err error }

func (e errRetry) Error() string { return "no definitive answer: " + e.err.Error() }

func (l *crashLoad) key(i int) string  { return fmt.Sprintf("crash-%s-%d", l.run, i) }
func (l *crashLoad) name(i int) string { return fmt.Sprintf("crash-%d", i) }

// xml is submission i's form data; the name makes it recognisable in the blob.
func (l *crashLoad) xml(i int) []byte {
	return fmt.Appendf(nil, `<?xml version="1.0" encoding="utf-8"?><Skjema><name>%s</name><age>%d</age><color>blå</color></Skjema>`,
		l.name(i), i%120)
}

// submit runs submission i to the end. Retried with the same key after a
// crash, instantiate answers the instance the first attempt made, and an ended
// process means an earlier attempt finished.
func (l *crashLoad) submit(ctx context.Context, i int) (id string, err error) {
	var in struct {
		ID   string `json:"id"`
		Data []struct {
			ID       string `json:"id"`
			DataType string `json:"dataType"`
		} `json:"data"`
		Process struct {
			Ended *string `json:"ended"`
		} `json:"process"`
	}
	b, err := l.call(ctx, http.MethodPost, l.base+"/instances?instanceOwnerPartyId="+l.party, nil, http.StatusCreated,
		map[string]string{"Idempotency-Key": l.key(i)})
	if err != nil {
		return "", err
	}
	if err := json.Unmarshal(b, &in); err != nil || in.ID == "" || len(in.Data) != 1 {
		return "", fmt.Errorf("instantiate: unexpected instance (%v): %.300s", err, b)
	}
	if in.Process.Ended != nil {
		return in.ID, nil
	}
	ip := l.base + "/instances/" + in.ID
	if _, err := l.call(ctx, http.MethodPut, ip+"/data/"+in.Data[0].ID, l.xml(i), http.StatusCreated,
		map[string]string{"Content-Type": "application/xml"}); err != nil {
		return in.ID, err
	}
	_, err = l.call(ctx, http.MethodPut, ip+"/process/next", nil, http.StatusOK, nil)
	return in.ID, err
}

// call sends one request. No response or a 5xx is errRetry; any other status
// than want is a definitive failure.
func (l *crashLoad) call(ctx context.Context, method, url string, body []byte, want int, hdr map[string]string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+l.token)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := l.hc.Do(req)
	if err != nil {
		return nil, errRetry{err}
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	switch {
	case err != nil:
		return nil, errRetry{err}
	case res.StatusCode >= 500:
		return nil, errRetry{fmt.Errorf("%s %s: %d: %.300s", method, req.URL.Path, res.StatusCode, b)}
	case res.StatusCode != want:
		return nil, fmt.Errorf("%s %s: %d, want %d: %.300s", method, req.URL.Path, res.StatusCode, want, b)
	}
	return b, nil
}

// drive submits every not yet acknowledged submission from workers goroutines
// until all are done or stop reports true (the server was killed). It returns
// the definitive failures and the number of not definitive answers.
func (l *crashLoad) drive(ctx context.Context, workers int, stop func() bool) (fails []error, retries int) {
	next := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				id, err := l.submit(ctx, i)
				mu.Lock()
				s := &l.subs[i]
				s.tried = true
				if s.firstID == "" {
					s.firstID = id
				} else if id != "" && id != s.firstID {
					fails = append(fails, fmt.Errorf("key %s: instance %s after %s: a retry made a second instance", l.key(i), id, s.firstID))
				}
				switch err.(type) {
				case nil:
					s.acked = true
					l.acked.Add(1)
				case errRetry:
					retries++
				default:
					fails = append(fails, fmt.Errorf("submission %d: %w", i, err))
				}
				mu.Unlock()
			}
		})
	}
	for i := range l.subs {
		if l.subs[i].acked {
			continue
		}
		if stop() {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return fails, retries
}

// counts summarises the submissions for the log.
func (l *crashLoad) counts() string {
	var acked, inFlight int
	for _, s := range l.subs {
		switch {
		case s.acked:
			acked++
		case s.tried:
			inFlight++
		}
	}
	return strconv.Itoa(acked) + " acknowledged, " + strconv.Itoa(inFlight) + " without a definitive answer, " +
		strconv.Itoa(len(l.subs)-acked-inFlight) + " not sent"
}
