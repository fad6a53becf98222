#!/usr/bin/env python3
"""Fault drills for Kakehashi (issue 13, section 4), stdlib only. Run through the shell scripts
beside this file (kill-replica.sh, pg-restart.sh, smtp-outage.sh, slow-db.sh), which set the time
limit. Everything listens on loopback; everything started here dies with this process (each child
gets SIGKILL from the kernel when the drill exits, see _die_with_parent) and the drill itself stops
after DRILL_MAX_SECONDS.

The database is a drill cluster of its own (default: PostgreSQL 15 cluster "drill" on port 5440,
created with trust on loopback when missing). The shared cluster on 5432 is never stopped,
restarted or slowed: a drill that would refuses to run on 5432.

Settings (environment):
  DRILL_PG_VERSION, DRILL_PG_CLUSTER, DRILL_PG_PORT  drill cluster (15, drill, 5440)
  DRILL_DB                                           database, dropped and created per drill (kakehashi_drill)
  DRILL_JAR                                          backend fat jar (backend/target/kakehashi-backend-*.jar)
  DRILL_OUT                                          logs and results (target/drills)
  DRILL_INVITATIONS                                  wave size (5000)
  DRILL_SMTP_OUTAGE_SECONDS                          SMTP outage (600)
  DRILL_OUTBOX_DEGRADED_AFTER_SECONDS                outbox health threshold of the backend (half the outage)
  DRILL_PG_DOWN_SECONDS                              how long PostgreSQL stays stopped (20)
  DRILL_DB_DELAY_MS                                  injected delay per statement (200)
  DRILL_MAX_SECONDS                                  hard stop of one drill (3600)
"""
import ctypes
import glob
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
PG_VERSION = os.environ.get("DRILL_PG_VERSION", "15")
PG_CLUSTER = os.environ.get("DRILL_PG_CLUSTER", "drill")
PG_PORT = int(os.environ.get("DRILL_PG_PORT", "5440"))
DB = os.environ.get("DRILL_DB", "kakehashi_drill")
OUT = os.path.abspath(os.environ.get("DRILL_OUT", os.path.join(ROOT, "target", "drills")))
INVITATIONS = int(os.environ.get("DRILL_INVITATIONS", "5000"))
MAX_SECONDS = int(os.environ.get("DRILL_MAX_SECONDS", "3600"))
PASSWORD = "drill-password-1"
OPERATOR = "operator@drill.example"
JWT_SECRET = "drill-secret-" + "0123456789abcdef" * 3
HTTP_TIMEOUT = 35  # a request still open after this long counts as a hang (the bound is 30 s)

children = []
started = time.time()


def log(message):
    line = f"[{time.strftime('%H:%M:%S')} +{time.time() - started:6.1f}s] {message}"
    print(line, flush=True)
    with open(os.path.join(OUT, "drill.log"), "a") as f:
        f.write(line + "\n")


def _die_with_parent():
    # PR_SET_PDEATHSIG = 1: the kernel kills this child when the drill process dies, however it dies.
    ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)


def spawn(name, command, env=None):
    out = open(os.path.join(OUT, name + ".log"), "ab")
    process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, preexec_fn=_die_with_parent)
    children.append(process)
    return process


def cleanup(*_):
    for process in children:
        if process.poll() is None:
            process.kill()
    for process in children:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


def on_signal(signum, _frame):
    log(f"signal {signum}: stopping every process of the drill")
    cleanup()
    os._exit(2)


def run(command, timeout=120, check=True, user=None):
    if user:
        command = ["runuser", "-u", user, "--"] + command
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


# ---------------------------------------------------------------- the drill cluster

def guard_port(action):
    if PG_PORT == 5432:
        raise SystemExit(f"refusing to {action} PostgreSQL on 5432 (the shared cluster); set DRILL_PG_PORT to a drill cluster")


def ensure_cluster():
    guard_port("use")
    listing = run(["pg_lsclusters", "-h"])
    if not any(line.split()[:2] == [PG_VERSION, PG_CLUSTER] for line in listing.splitlines()):
        log(f"creating PostgreSQL {PG_VERSION} cluster {PG_CLUSTER} on 127.0.0.1:{PG_PORT} (trust on loopback)")
        run(["pg_createcluster", PG_VERSION, PG_CLUSTER, "-p", str(PG_PORT), "--", "--auth=trust"], timeout=120)
        with open(f"/etc/postgresql/{PG_VERSION}/{PG_CLUSTER}/conf.d/drill.conf", "w") as f:
            f.write("listen_addresses = '127.0.0.1'\nmax_connections = 200\n")
    pg("start", check=False)
    wait_for(lambda: pg_ready(), 60, "drill cluster ready")


def pg(action, check=True, extra=()):
    guard_port(action)
    return run(["pg_ctlcluster", "--skip-systemctl-redirect", *extra, PG_VERSION, PG_CLUSTER, action], timeout=120, check=check)


def pg_ready():
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PG_PORT)]).returncode == 0


def psql(sql, db=None):
    return run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", db or DB,
                "-v", "ON_ERROR_STOP=1", "-tAc", sql], timeout=120).strip()


def fresh_database():
    psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)", db="postgres")


# ---------------------------------------------------------------- processes

def find_jar():
    jar = os.environ.get("DRILL_JAR")
    if jar:
        return jar
    jars = [j for j in glob.glob(os.path.join(ROOT, "backend", "target", "kakehashi-backend-*.jar")) if "original" not in j]
    if not jars:
        raise SystemExit("no backend jar: run ./mvnw -B -q -pl backend package -DskipTests first")
    return jars[0]


def find_java():
    for home in (os.environ.get("JAVA_HOME", ""), "/usr/lib/jvm/temurin-25-jdk-amd64", "/usr/lib/jvm/java-25-openjdk-amd64",
                 "/usr/lib/jvm/java-21-openjdk-amd64"):
        if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
            return os.path.join(home, "bin", "java")
    return "java"


class Backend:
    def __init__(self, name, port, db_port=None, smtp_port=None, migrate=True, extra=None):
        self.name, self.port = name, port
        env = dict(os.environ)
        env.update({
            "HOSTNAME": name,  # db-scheduler's name for this replica starts with it (scheduled_tasks.picked_by)
            "MICRONAUT_SERVER_HOST": "127.0.0.1", "KAKEHASHI_PORT": str(port),
            "KAKEHASHI_DB_HOST": "127.0.0.1", "KAKEHASHI_DB_PORT": str(db_port or PG_PORT), "KAKEHASHI_DB_NAME": DB,
            "KAKEHASHI_DB_BOOTSTRAP": "true" if migrate else "false", "KAKEHASHI_MIGRATE": "true" if migrate else "false",
            "KAKEHASHI_JWT_SECRET": JWT_SECRET, "KAKEHASHI_BCRYPT_COST": "4",
            "KAKEHASHI_FIRST_OPERATOR_EMAIL": OPERATOR, "KAKEHASHI_FIRST_OPERATOR_PASSWORD": PASSWORD,
            "KAKEHASHI_PUBLIC_URL": f"http://127.0.0.1:{port}",
            # The load comes from one address: the per-address limit of /s/ would measure itself.
            "KAKEHASHI_RESPOND_REQUESTS_PER_MINUTE": "1000000",
            "KAKEHASHI_MAIL_DISPATCH_INTERVAL": "1s",
        })
        if smtp_port:
            env.update({"KAKEHASHI_SMTP_HOST": "127.0.0.1", "KAKEHASHI_SMTP_PORT": str(smtp_port), "KAKEHASHI_SMTP_TLS": "false"})
        env.update(extra or {})
        self.process = spawn(name, [find_java(), "-Xmx768m", "-XX:+UseSerialGC", "-jar", find_jar()], env)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_healthy(self, timeout=240):
        def up():
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {OUT}/{self.name}.log")
            return http("GET", self.url + "/health", timeout=5)[0] == 200
        wait_for(up, timeout, f"{self.name} healthy")

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Sink:
    def __init__(self, port, log_file):
        self.port, self.log_file, self.process = port, log_file, None
        # One drill, one mailbox: a previous run's mails (of a database since dropped) would count
        # as this run's deliveries. Restarts during the drill (start after stop) keep appending.
        if os.path.exists(log_file):
            os.remove(log_file)

    def start(self):
        self.process = spawn("smtp-sink", [sys.executable, os.path.join(HERE, "smtp_sink.py"), "--port", str(self.port),
                                           "--log", self.log_file, "--max-seconds", str(MAX_SECONDS)])
        wait_for(lambda: port_open(self.port), 20, "SMTP sink listening")

    def stop(self):
        # kill -9: the server vanishes as a crashed relay would; new connections are refused.
        self.process.kill()
        self.process.wait(timeout=10)

    def entries(self):
        if not os.path.exists(self.log_file):
            return []
        with open(self.log_file, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]


def port_open(port):
    import socket
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_for(condition, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if condition():
                return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"timed out after {timeout}s waiting for: {what}")


# ---------------------------------------------------------------- HTTP

def http(method, url, body=None, headers=None, timeout=HTTP_TIMEOUT):
    """(status, headers, body text); status 0 for a connection error, -1 for a timeout."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")
    except TimeoutError:
        return -1, {}, "timeout"
    except (urllib.error.URLError, ConnectionError, OSError) as e:
        if "timed out" in str(e):
            return -1, {}, "timeout"
        return 0, {}, str(e)


class Api:
    def __init__(self, base):
        self.base = base
        self.login()

    def login(self):
        status, _, body = self.call("POST", "/login", {"username": OPERATOR, "password": PASSWORD}, auth=False)
        if status != 200:
            raise RuntimeError(f"login: {status} {body[:300]}")
        self.token = json.loads(body)["accessToken"]

    def call(self, method, path, payload=None, auth=True, content_type="application/json", raw=None):
        headers = {"Content-Type": content_type, "Accept": "application/json"}
        if auth:
            headers["Authorization"] = "Bearer " + self.token
        body = raw if raw is not None else (json.dumps(payload) if payload is not None else None)
        return http(method, self.base + path, body, headers, timeout=600)

    def ok(self, method, path, payload=None, **kw):
        status, _, body = self.call(method, path, payload, **kw)
        if status not in (200, 201, 204):
            raise RuntimeError(f"{method} {path}: {status} {body[:500]}")
        return json.loads(body) if body else None


def prepare_schedule(api, participants):
    """A tenant with `participants` people (half HQ, half Japan), an engagement, the default
    instrument published and a schedule; returns (tenant id, schedule id)."""
    tenant = api.ok("POST", "/api/v1/tenants", {"name": "Drill " + uuid.uuid4().hex[:6], "hqCountry": "DE",
                                                "hqTimeZone": "Europe/Berlin", "japanSubsidiaryName": "Drill KK"})["id"]
    base = f"/api/v1/tenants/{tenant}"
    lines = ["email,name,side,level,language"]
    levels = ["staff", "middle_manager", "executive"]
    for n in range(participants):
        side, lang = ("japan", "ja") if n % 2 else ("hq", "en")
        lines.append(f"p{n:06d}@drill.example,Person {n},{side},{levels[n % 3]},{lang}")
    report = api.ok("POST", base + "/participants/import", raw="\n".join(lines) + "\n", content_type="text/csv")
    log(f"participants imported: {json.dumps(report)[:200]}")
    engagement = api.ok("POST", base + "/engagements", {"name": "Drill engagement", "startDate": time.strftime("%Y-%m-%d"),
                                                        "status": "ACTIVE"})["id"]
    instrument = api.ok("POST", base + "/instruments", {"name": "Drill pulse", "copyOfDefault": True})
    version = instrument["versions"][0]["id"]
    api.ok("POST", f"{base}/instruments/{instrument['id']}/versions/{version}/publish")
    schedule = api.ok("POST", base + "/schedules", {
        "name": "Drill schedule", "surveyTitleEn": "Drill survey", "surveyTitleJa": "訓練", "engagementId": engagement,
        "instrumentVersionId": version, "cadence": "MONTHLY", "japanSendTime": "09:00:00", "hqSendTime": "09:00:00",
        "daysOpen": 14, "reminderOffsetDays": [], "startDate": time.strftime("%Y-%m-%d")})["id"]
    return tenant, schedule


def launch(api, tenant, schedule):
    return api.ok("POST", f"/api/v1/tenants/{tenant}/schedules/{schedule}/waves", {})["id"]


# ---------------------------------------------------------------- respondents

FIELD = re.compile(r'name="(q_[A-Za-z0-9_]+)"')


class Respondents:
    """Answers surveys through the respondent pages, as browsers do (form post with the page's own
    Origin), spreading over the given backends; records every request's status and duration."""

    def __init__(self, bases):
        self.bases = bases
        self.results = []  # (time, phase, status, seconds, kind, body start)
        self.lock = threading.Lock()
        self.phase = "before"
        self.fields = {}

    def request(self, method, base, token, body=None):
        headers = {"Origin": base}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        t0 = time.time()
        status, response_headers, text = http(method, f"{base}/s/{token}", body, headers)
        took = time.time() - t0
        with self.lock:
            self.results.append((t0, self.phase, status, took, method, response_headers.get("Content-Type", ""), text[:200]))
        return status, text

    def answer(self, token, attempts=60, pause=1.0):
        """Until the page says thanks or already answered; False if it never did."""
        for attempt in range(attempts):
            base = self.bases[(hash(token) + attempt) % len(self.bases)]
            status, page = self.request("GET", base, token)
            if status == 200 and "q_" in page:
                fields = FIELD.findall(page)
                form = "&".join(f"{f}={random.randint(1, 5)}" for f in dict.fromkeys(fields)) + "&lang=en"
                status, page = self.request("POST", base, token, form)
                if status == 200:
                    return True
            elif status == 200:
                return True  # already answered (an earlier post went through before its answer was lost)
            elif status == 404:
                return False
            time.sleep(pause)
        return False


def summary(title, rows):
    width = max(len(r[0]) for r in rows)
    lines = [f"\n== {title} ==", f"{'criterion'.ljust(width)} | measured | result"]
    ok = True
    for name, measured, passed in rows:
        verdict = "PASS" if passed is True else ("FAIL" if passed is False else "info")
        ok = ok and passed is not False
        lines.append(f"{name.ljust(width)} | {measured} | {verdict}")
    text = "\n".join(lines)
    print(text, flush=True)
    with open(os.path.join(OUT, "summary.txt"), "a") as f:
        f.write(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()) + text + "\n")
    return ok


def outbox(wave):
    return dict(line.split("|") for line in psql(
        f"SELECT status, count(*) FROM mail_outbox WHERE invitation_id IN "
        f"(SELECT id FROM invitation WHERE wave_id = '{wave}') GROUP BY status").splitlines() if line)


def counted(wave):
    """(invitations marked responded, responses stored, responses without all their answers)."""
    row = psql(f"""
        SELECT (SELECT count(*) FROM invitation WHERE wave_id = '{wave}' AND responded),
               (SELECT count(*) FROM response WHERE wave_id = '{wave}'),
               (SELECT count(*) FROM response r WHERE r.wave_id = '{wave}'
                  AND NOT EXISTS (SELECT 1 FROM response_answer a WHERE a.response_id = r.id))""")
    return tuple(int(x) for x in row.split("|"))


def invitation_mails(sink):
    return [e for e in sink.entries() if ".invitation." in e["messageId"] or e.get("token")]


# ---------------------------------------------------------------- drills

def drill_kill_replica():
    sink = Sink(2526, os.path.join(OUT, "kill-replica-mails.jsonl"))
    sink.start()
    a = Backend("replica-a", 18181, smtp_port=2526)
    a.wait_healthy()
    b = Backend("replica-b", 18182, smtp_port=2526, migrate=False)
    b.wait_healthy()
    api = Api(a.url)
    tenant, schedule = prepare_schedule(api, INVITATIONS)
    t_launch = time.time()
    wave = launch(api, tenant, schedule)
    log(f"wave {wave} launched with {INVITATIONS} invitations")
    people = Respondents([a.url, b.url])
    answered, answering = [], []

    def respond_to_mails():
        seen = set()
        while not stop.is_set():
            for entry in invitation_mails(sink):
                if stop.is_set():
                    return
                if entry["token"] and entry["messageId"] not in seen and len(seen) < INVITATIONS // 5:
                    seen.add(entry["messageId"])
                    answering.append(entry["token"])
                    answered.append(people.answer(entry["token"], attempts=120))
            time.sleep(0.5)
    stop = threading.Event()
    threads = [threading.Thread(target=respond_to_mails, daemon=True)]
    for t in threads:
        t.start()
    wait_for(lambda: len(sink.entries()) >= INVITATIONS * 0.3, 900, "30% of the wave mailed")
    picked = ""
    wait_for(lambda: bool(psql("SELECT picked_by FROM scheduled_tasks WHERE task_name = 'mail-dispatch' AND picked")), 60,
             "a replica running mail-dispatch")
    picked = psql("SELECT picked_by FROM scheduled_tasks WHERE task_name = 'mail-dispatch' AND picked")
    victim, survivor = (a, b) if picked.startswith("replica-a") else (b, a)
    at_kill = len(sink.entries())
    people.phase = "after kill"
    victim.kill9()
    t_kill = time.time()
    log(f"kill -9 {victim.name} (running mail-dispatch as {picked}) after {at_kill} mails")
    people.bases = [survivor.url]
    resumed = None
    deadline = time.time() + float(os.environ.get("DRILL_WAVE_TIMEOUT", "2400"))
    while time.time() < deadline:
        entries = sink.entries()
        # Mails already on the wire when the process died still arrive in the first moments.
        later = [e["at"] for e in entries if e["at"] > t_kill + 3]
        if resumed is None and later:
            resumed = min(later) - t_kill
            log(f"mail flowing again {resumed:.1f}s after the kill")
        if len({e['messageId'] for e in entries}) >= INVITATIONS and outbox(wave).get("PENDING", "0") == "0":
            break
        time.sleep(2)
    t_done = time.time()
    stop.set()
    for t in threads:
        t.join(timeout=300)
    with open(os.path.join(OUT, "kill-replica-requests.json"), "w") as f:
        json.dump({"requests": people.results, "tokens": answering, "answered": answered}, f)
    entries = sink.entries()
    ids = [e["messageId"] for e in entries]
    distinct = set(ids)
    duplicates = len(ids) - len(distinct)
    states = outbox(wave)
    responded, responses, without_answers = counted(wave)
    thanked = sum(1 for x in answered if x)
    # Each duplicate's first copy carries a token that was rolled back with its round: does it open?
    first_copies = {}
    for e in entries:
        first_copies.setdefault(e["messageId"], e["token"])
    dup_ids = {i for i in distinct if ids.count(i) > 1} if duplicates else set()
    dead_first_links = sum(1 for i in list(dup_ids)[:50]
                           if http("GET", f"{survivor.url}/s/{first_copies[i]}", headers={"Origin": survivor.url})[0] == 404)
    batch = int(os.environ.get("KAKEHASHI_MAIL_BATCH_SIZE", "50"))
    workers = int(os.environ.get("KAKEHASHI_MAIL_WORKERS", "4"))
    survivor.stop()
    return summary(f"kill -9 of one of two replicas mid-wave ({INVITATIONS} invitations)", [
        ("wave completes (every invitation mailed)", f"{len(distinct)}/{INVITATIONS} distinct, outbox {states}, "
         f"{t_done - t_launch:.0f}s after launch", len(distinct) >= INVITATIONS and states.get("PENDING", "0") == "0"),
        ("mail flowing again after the kill", f"{resumed:.1f}s" if resumed is not None else "never", resumed is not None),
        ("0 mails lost", f"{INVITATIONS - len(distinct)} lost", len(distinct) >= INVITATIONS),
        (f"duplicates <= one batch ({batch}, shared by {workers} workers)", f"{duplicates}", duplicates <= batch),
        ("first copy of a duplicated mail still opens its survey", f"{dead_first_links} of {min(len(dup_ids), 50)} checked answer 404",
         dead_first_links == 0),
        ("every submission counted once", f"{thanked} thanked / {len(answering)} answered, {responded} invitations responded, "
         f"{responses} responses, {without_answers} without answers",
         thanked == responded == responses and without_answers == 0),
    ])


def drill_pg_restart():
    down_seconds = int(os.environ.get("DRILL_PG_DOWN_SECONDS", "20"))
    sink = Sink(2527, os.path.join(OUT, "pg-restart-mails.jsonl"))
    sink.start()
    backend = Backend("pg-restart", 18183, smtp_port=2527)
    backend.wait_healthy()
    api = Api(backend.url)
    n = min(INVITATIONS, 600)
    tenant, schedule = prepare_schedule(api, n)
    wave = launch(api, tenant, schedule)
    wait_for(lambda: len(sink.entries()) >= n, 600, "all invitations mailed")
    tokens = [e["token"] for e in sink.entries() if e["token"]]
    people = Respondents([backend.url])
    queue = list(tokens)
    thanked = set()
    answered_tokens = []
    lock = threading.Lock()
    stop = threading.Event()

    def worker():
        # Submissions paced to last through the outage; in between, visits of answered links (reads).
        while not stop.is_set():
            with lock:
                token = queue.pop() if queue else None
                seen = random.choice(answered_tokens) if answered_tokens else None
            try:
                if token is None:
                    if seen:
                        people.request("GET", backend.url, seen)
                elif people.answer(token, attempts=1):
                    with lock:
                        thanked.add(token)
                        answered_tokens.append(token)
                else:
                    with lock:
                        queue.insert(0, token)
            except Exception as e:  # a worker that dies silently would stall the drill
                log(f"respondent worker: {e!r}")
            time.sleep(0.3)
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(5)
    people.phase = "down"
    t_stop = time.time()
    log(f"stopping PostgreSQL {PG_VERSION}/{PG_CLUSTER} for {down_seconds}s under load")
    pg("stop")
    api_during = http("GET", backend.url + "/api/v1/me", headers={"Authorization": "Bearer " + api.token})
    health_during = http("GET", backend.url + "/health", timeout=HTTP_TIMEOUT)
    time.sleep(max(0, down_seconds - (time.time() - t_stop)))
    pg("start")
    people.phase = "recovering"
    t_start = time.time()
    log("PostgreSQL started again")
    recovered = None
    while time.time() - t_start < 120:
        status = http("GET", backend.url + "/api/v1/me", headers={"Authorization": "Bearer " + api.token}, timeout=10)[0]
        if status == 200:
            recovered = time.time() - t_start
            break
        time.sleep(0.5)
    people.phase = "after"
    wait_for(lambda: not queue, 300, "every respondent answered")
    stop.set()
    for t in threads:
        t.join(timeout=60)
    down = [r for r in people.results if r[1] == "down"]
    statuses = {}
    for r in down:
        statuses[r[2]] = statuses.get(r[2], 0) + 1
    slowest = max((r[3] for r in people.results), default=0)
    bad = [r for r in down if r[2] not in (200, 503)]
    unavailable = sorted(r[3] for r in down if r[2] == 503)
    hangs = [r for r in people.results if r[2] == -1 or r[3] > 30]
    responded, responses, without_answers = counted(wave)
    api_status = api_during
    backend.stop()
    with open(os.path.join(OUT, "pg-restart-requests.json"), "w") as f:
        json.dump(people.results, f)
    return summary(f"PostgreSQL stopped {down_seconds}s under submission load ({len(tokens)} respondents, 8 at a time)", [
        ("requests while down fail cleanly (503)", f"statuses while down {statuses}; 503 after "
         f"{unavailable[0] if unavailable else 0:.1f}-{unavailable[-1] if unavailable else 0:.1f}s; /api/v1/me {api_status[0]} "
         f"{api_status[1].get('Content-Type', '')} Retry-After {api_status[1].get('Retry-After')}; /health {health_during[0]}",
         not bad and api_status[0] == 503),
        ("never a hang over 30 s", f"slowest request {slowest:.1f}s, {len(hangs)} over 30 s", not hangs),
        ("recover by themselves", f"API answering {recovered:.1f}s after start" if recovered is not None else "not within 120 s",
         recovered is not None),
        ("nothing half-written", f"{responded} responded, {responses} responses, {without_answers} without answers",
         responded == responses and without_answers == 0),
        ("every respondent finally answered once", f"{len(thanked)}/{len(tokens)} thanked",
         len(thanked) == len(tokens) == responses),
    ])


def drill_smtp_outage():
    outage = int(os.environ.get("DRILL_SMTP_OUTAGE_SECONDS", "600"))
    n = INVITATIONS
    sink = Sink(2528, os.path.join(OUT, "smtp-outage-mails.jsonl"))
    sink.start()
    # The outbox turns DEGRADED once a mail has waited this long (15 min in production); half the
    # outage here, so the drill sees it turn and come back.
    degraded_after = int(os.environ.get("DRILL_OUTBOX_DEGRADED_AFTER_SECONDS", str(max(60, outage // 2))))
    backend = Backend("smtp-outage", 18184, smtp_port=2528, extra={
        "KAKEHASHI_MAIL_BATCH_SIZE": os.environ.get("KAKEHASHI_MAIL_BATCH_SIZE", "50"),
        "KAKEHASHI_MAIL_BACKLOG_DEGRADED_AFTER": f"{degraded_after}s"})
    backend.wait_healthy()
    api = Api(backend.url)
    tenant, schedule = prepare_schedule(api, n)
    sink.stop()
    t_down = time.time()
    log(f"SMTP sink down for {outage}s; launching the wave")
    wave = launch(api, tenant, schedule)
    samples = []
    while time.time() - t_down < outage:
        states = outbox(wave)
        samples.append((round(time.time() - t_down), states, health(backend, api)))
        time.sleep(min(30, max(5, outage / 20)))
    during = outbox(wave)
    attempts = psql(f"SELECT max(attempts) FROM mail_outbox WHERE invitation_id IN (SELECT id FROM invitation WHERE wave_id = '{wave}')")
    failed_during = during.get("FAILED", "0")
    sink.start()
    t_up = time.time()
    log(f"SMTP sink back; outbox {during}, most attempts {attempts}")
    delivered_at = None
    while time.time() - t_up < 3 * 3600:
        states = outbox(wave)
        if states.get("PENDING", "0") == "0":
            delivered_at = time.time() - t_up
            break
        if len(samples) < 2000:
            samples.append((round(time.time() - t_down), states, health(backend, api)))
        time.sleep(5)
    entries = sink.entries()
    ids = [e["messageId"] for e in entries]
    after = outbox(wave)
    # The backlog is measured in the background (kakehashi.monitoring.refresh-interval, 15 s).
    h_after = health(backend, api)
    t_after = time.time()
    while "outbox UP" not in h_after and time.time() - t_after < 90:
        time.sleep(5)
        h_after = health(backend, api)
    backend.stop()
    degraded = [t for t, _, h in samples if "outbox DEGRADED" in h]
    first_degraded = degraded[0] if degraded else None
    degraded_samples = len(degraded)
    with open(os.path.join(OUT, "smtp-outage-samples.json"), "w") as f:
        json.dump(samples, f)
    return summary(f"SMTP down {outage}s during a {n}-invitation wave", [
        ("mails wait and retry (none failed for good)", f"during the outage: outbox {during}, up to {attempts} attempts",
         failed_during == "0" and during.get("SENT", "0") == "0"),
        ("all delivered after", f"outbox {after}; last sent {delivered_at:.0f}s after SMTP came back" if delivered_at is not None
         else f"outbox {after}", after.get("SENT") == str(n)),
        ("none twice", f"{len(ids)} received, {len(set(ids))} distinct", len(ids) == len(set(ids)) == n),
        ("outbox health degraded and back", f"degraded after {degraded_after}s of waiting: first at {first_degraded}s of the "
         f"outage ({degraded_samples} of {len(samples)} samples); after: {h_after}",
         first_degraded is not None and "outbox UP" in h_after),
    ])


def health(backend, api=None):
    """Overall /health and, signed in (details are for authenticated callers), its outbox and smtp parts."""
    def get():
        return http("GET", backend.url + "/health", headers={"Authorization": "Bearer " + api.token} if api else {}, timeout=10)
    status, _, body = get()
    if status == 401 and api:
        api.login()
        status, _, body = get()
    try:
        document = json.loads(body)
    except ValueError:
        return str(status)
    parts = document.get("details") or {}
    shown = ", ".join(f"{name} {parts[name].get('status')}" for name in ("outbox", "smtp") if name in parts)
    return f"{status} {document.get('status')}" + (f" ({shown})" if shown else "")


def drill_slow_db():
    delay = int(os.environ.get("DRILL_DB_DELAY_MS", "200"))
    control = os.path.join(OUT, "slow-db-delay")
    with open(control, "w") as f:
        f.write("0")
    sink = Sink(2529, os.path.join(OUT, "slow-db-mails.jsonl"))
    sink.start()
    proxy = spawn("slow-proxy", [sys.executable, os.path.join(HERE, "slow_proxy.py"), "--listen", "5441", "--target", str(PG_PORT),
                                 "--control-file", control, "--max-seconds", str(MAX_SECONDS)])
    wait_for(lambda: port_open(5441), 20, "slow proxy listening")
    backend = Backend("slow-db", 18185, db_port=5441, smtp_port=2529)
    backend.wait_healthy()
    api = Api(backend.url)
    n = min(INVITATIONS, 200)
    tenant, schedule = prepare_schedule(api, n)
    wave = launch(api, tenant, schedule)
    wait_for(lambda: len(sink.entries()) >= n, 600, "all invitations mailed")
    tokens = [e["token"] for e in sink.entries() if e["token"]]
    people = Respondents([backend.url])

    def measure(phase, some):
        people.phase = phase
        for token in some:
            people.answer(token, attempts=1)
        rows = [r for r in people.results if r[1] == phase]
        times = sorted(r[3] for r in rows)
        return rows, times
    base_rows, base_times = measure("no delay", tokens[:20])
    with open(control, "w") as f:
        f.write(str(delay))
    time.sleep(1)
    slow_rows, slow_times = measure(f"{delay} ms per statement", tokens[20:60])
    with open(control, "w") as f:
        f.write("0")
    backend.stop()
    proxy.kill()

    def pct(times, p):
        return times[min(len(times) - 1, int(len(times) * p))] if times else float("nan")
    statuses = {}
    for r in slow_rows:
        statuses[r[2]] = statuses.get(r[2], 0) + 1
    answered = sum(1 for r in slow_rows if r[4] == "POST" and r[2] == 200)
    return summary(f"slow database: {delay} ms injected before every statement", [
        ("respondent pages without delay (GET+POST)", f"median {pct(base_times, .5):.2f}s, max {max(base_times):.2f}s", None),
        ("respondent pages answer within their timeout (30 s)", f"median {pct(slow_times, .5):.2f}s, p95 {pct(slow_times, .95):.2f}s, "
         f"max {max(slow_times):.2f}s; statuses {statuses}", max(slow_times) < 30),
        ("submissions stored under the delay", f"{answered}/40", answered == 40),
    ])


DRILLS = {"kill-replica": drill_kill_replica, "pg-restart": drill_pg_restart, "smtp-outage": drill_smtp_outage,
          "slow-db": drill_slow_db}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in DRILLS:
        raise SystemExit(f"usage: drill.py {{{'|'.join(DRILLS)}}}")
    os.makedirs(OUT, exist_ok=True)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    threading.Timer(MAX_SECONDS, lambda: on_signal("timeout", None)).start()
    try:
        ensure_cluster()
        fresh_database()
        log(f"drill {sys.argv[1]} on cluster {PG_VERSION}/{PG_CLUSTER}:{PG_PORT}, database {DB}, jar {find_jar()}")
        ok = DRILLS[sys.argv[1]]()
    except Exception as e:
        log(f"drill aborted: {e!r}")
        ok = False
    finally:
        cleanup()
    os._exit(0 if ok else 1)


if __name__ == "__main__":
    main()
