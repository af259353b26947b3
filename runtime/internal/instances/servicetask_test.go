// SPDX-License-Identifier: MIT

package instances_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/instances/instancetest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// pdfTaskApp is signing-test with a pdf service task (Altinn v9's PDFs) between
// the data task and the first signing task.
func pdfTaskApp(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testcorpus.Path(t, "apps", "signing-test"))); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "App", "config", "process", "process.bpmn")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `<bpmn:incoming>SequenceFlow_2</bpmn:incoming>`, `<bpmn:incoming>SequenceFlow_P</bpmn:incoming>`, 1)
	s = strings.Replace(s, `<bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_1" targetRef="Task_2" />`,
		`<bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_1" targetRef="PDF_1" />
        <bpmn:sequenceFlow id="SequenceFlow_P" sourceRef="PDF_1" targetRef="Task_2" />
        <bpmn:serviceTask id="PDF_1" name="PDF">
            <bpmn:incoming>SequenceFlow_2</bpmn:incoming>
            <bpmn:outgoing>SequenceFlow_P</bpmn:outgoing>
            <bpmn:extensionElements>
                <altinn:taskExtension>
                    <altinn:taskType>pdf</altinn:taskType>
                    <altinn:pdfConfig><altinn:filenameTextResourceKey>Form.Input-income.title</altinn:filenameTextResourceKey><altinn:autoPdfTaskIds><altinn:taskId>Task_1</altinn:taskId></altinn:autoPdfTaskIds></altinn:pdfConfig>
                </altinn:taskExtension>
            </bpmn:extensionElements>
        </bpmn:serviceTask>`, 1)
	if !strings.Contains(s, `targetRef="PDF_1"`) || !strings.Contains(s, "SequenceFlow_P</bpmn:incoming>") {
		t.Fatal("the corpus process changed; the fixture's edits no longer apply")
	}
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestPDFServiceTask: process/next from the data task runs the pdf service task
// on its way (started and ended in the history, one PDF job queued for it, none
// by the v8 rule at the end of the data task) and rests at the next task.
func TestPDFServiceTask(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := instancetest.Setup(t, db, pdfTaskApp(t), "310000009", nil)
		st := store.New(db)
		svc := instances.New(instances.Options{Store: st, Blobs: blobs, Apps: host})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		snap, err := svc.Instantiate(ctx, c, instances.InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID})
		if err != nil {
			t.Fatal(err)
		}
		body := `<data><form><name>Ola</name><orgNumber>310000002</orgNumber><year>2020</year><income>1</income></form></data>`
		if _, err := svc.ReplaceData(ctx, c, snap, snap.Instance.Data[0].ID, instances.Upload{ContentType: "application/xml", Length: -1,
			Body: strings.NewReader(body)}); err != nil {
			t.Fatal(err)
		}
		_, guid, _ := strings.Cut(snap.Instance.ID, "/")
		ref := instances.Ref{Org: "ttd", App: "signing-test", PartyID: party.ID, GUID: guid}
		if snap, err = svc.Get(ctx, ref); err != nil {
			t.Fatal(err)
		}
		next, err := svc.ProcessNext(ctx, c, snap, "", "en")
		if err != nil {
			t.Fatal(err)
		}
		if got := next.CurrentTask(); got != "Task_2" {
			t.Fatalf("the process rests at %q, want Task_2 past the service task", got)
		}
		if flow := next.Instance.Process.CurrentTask.Flow; flow != 3 {
			t.Errorf("Task_2 has flow %d, want 3 (Task_1 1, PDF_1 2)", flow)
		}
		h, err := svc.History(ctx, next)
		if err != nil {
			t.Fatal(err)
		}
		var steps []string
		for _, it := range h.ProcessHistory {
			steps = append(steps, it.EventType+":"+it.ElementID)
		}
		want := "process_StartEvent:StartEvent_1 process_StartTask:Task_1 process_EndTask:Task_1 process_StartTask:PDF_1 " +
			"process_EndTask:PDF_1 process_StartTask:Task_2"
		if strings.Join(steps, " ") != want {
			t.Errorf("history\n%s\nwant\n%s", strings.Join(steps, " "), want)
		}
		jobs, err := st.Claim(ctx, 10, "test", time.Minute, instances.TopicPDF)
		if err != nil {
			t.Fatal(err)
		}
		if len(jobs) != 1 {
			t.Fatalf("%d PDF jobs, want the service task's one", len(jobs))
		}
		var job instances.PDFJob
		if err := json.Unmarshal([]byte(jobs[0].Payload), &job); err != nil {
			t.Fatal(err)
		}
		if job.TaskID != "PDF_1" || job.Flow != 2 || job.Language != "en" || job.GUID != guid || job.FilenameKey != "Form.Input-income.title" ||
			len(job.Tasks) != 1 || job.Tasks[0] != "Task_1" {
			t.Errorf("job %+v, want PDF_1's pass (flow 2) in en, printing Task_1's data", job)
		}
	})
}
