// The fleet dashboard: one page per view, every view read from the hub's REST API with the
// session's bearer token (a client-credentials token from the gateway, or an API key).
(() => {
    'use strict';

    const API = '/api/observability';
    const TOKEN = 'llm-fleet-token';
    const REFRESH_MS = 5000;
    const charts = {};
    let timer = null;

    const $ = (id) => document.getElementById(id);

    function text(value) {
        return value === null || value === undefined ? '–' : String(value);
    }

    function number(value, digits = 3) {
        return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–';
    }

    function when(instant) {
        return instant ? new Date(instant).toLocaleString() : '–';
    }

    function rows(tableId, items, cells) {
        const body = $(tableId).tBodies[0];
        body.replaceChildren(...items.map((item) => {
            const tr = document.createElement('tr');
            for (const cell of cells(item)) {
                const td = document.createElement('td');
                if (cell && typeof cell === 'object') {
                    td.textContent = text(cell.text);
                    td.className = cell.cls || '';
                } else {
                    td.textContent = text(cell);
                }
                tr.appendChild(td);
            }
            return tr;
        }));
    }

    function absent(id, message) {
        const el = $(id);
        el.hidden = !message;
        el.textContent = message || '';
    }

    async function api(path) {
        const response = await fetch(API + path, {
            headers: { Accept: 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN) },
        });
        if (response.status === 401) {
            signOut('Your session ended; sign in again.');
            throw new Error('unauthenticated');
        }
        if (!response.ok) {
            const problem = await response.json().catch(() => ({}));
            const error = new Error(problem.detail || response.statusText);
            error.status = response.status;
            throw error;
        }
        return response.json();
    }

    function chart(id, type, labels, datasets) {
        if (typeof Chart === 'undefined') {
            return;
        }
        if (charts[id]) {
            charts[id].data.labels = labels;
            charts[id].data.datasets = datasets;
            charts[id].update('none');
            return;
        }
        charts[id] = new Chart($(id), {
            type,
            data: { labels, datasets },
            options: { animation: false, maintainAspectRatio: false, spanGaps: true },
        });
    }

    // --- pages --------------------------------------------------------------------------------

    async function overview() {
        const data = await api('/overview');
        rows('services', data.instances, (i) => [i.serviceName, i.instanceId, i.baseUrl, i.status,
            { text: i.stale ? 'stale' : 'no', cls: 'stale-' + i.stale }, when(i.lastHealthy)]);
        const hosts = {};
        for (const i of data.instances) {
            const host = new URL(i.baseUrl).hostname;
            (hosts[host] ||= { instances: [], devices: 0 }).instances.push(i.serviceName);
        }
        for (const g of data.devices) {
            (hosts[g.host] ||= { instances: [], devices: 0 }).devices++;
        }
        rows('hosts', Object.entries(hosts), ([host, h]) => [host, h.instances.join(', '), h.devices]);
        rows('gpus', data.devices, (g) => [g.host, g.index, g.name, `${g.memoryUsedMb} / ${g.memoryTotalMb} MB`,
            g.utilizationPercent === null ? '–' : g.utilizationPercent + ' %',
            g.temperatureC === null ? '–' : g.temperatureC + ' °C', g.stale ? 'stale' : 'no']);
        rows('sources', Object.entries(data.sources), ([name, s]) => [name,
            { text: s.available ? 'yes' : 'absent', cls: 'stale-' + !s.available }, s.detail]);
        return data;
    }

    async function queue() {
        const data = await api('/overview');
        const scheduler = data.sources['resource-scheduler'];
        absent('queue-absent', scheduler && !scheduler.available
            ? 'The resource-scheduler could not be read: ' + scheduler.detail : '');
        const entries = [];
        for (const [priority, states] of Object.entries(data.queue)) {
            for (const [state, count] of Object.entries(states)) {
                entries.push([priority, state, count]);
            }
        }
        rows('queue', entries, (e) => e);
        const priorities = Object.keys(data.queue);
        const states = [...new Set(entries.map((e) => e[1]))];
        chart('queue-chart', 'bar', priorities,
            states.map((state) => ({ label: state, data: priorities.map((p) => data.queue[p][state] || 0) })));
    }

    async function run() {
        const runs = await api('/runs');
        rows('runs', runs, (r) => [r.runId, r.dataset, r.state, `${r.step} / ${r.totalSteps}`, r.archive]);
        const current = runs.find((r) => r.state === 'RUNNING' || r.state === 'PAUSED') || runs[0];
        absent('run-absent', current ? '' : 'No run has been reported yet: runs appear when a trainer trains.');
        $('run-stats').hidden = !current;
        if (!current) {
            return;
        }
        $('run-id').textContent = current.runId;
        $('run-state').textContent = current.state + (current.stalled ? ' (stalled)' : '');
        $('run-step').textContent = `${current.step} / ${current.totalSteps}`;
        $('run-loss').textContent = number(current.trainLoss);
        $('run-val-loss').textContent = number(current.validationLoss);
        const gap = current.gap;
        $('run-gap').textContent = number(gap);
        $('run-gap').className = gap === null ? '' : gap > 0.5 ? 'gap-over' : gap >= 0.3 ? 'gap-watch' : 'gap-ok';
        $('run-tps').textContent = number(current.tokensPerSecond, 0);
        $('run-eta').textContent = current.etaSeconds === null ? '–'
            : new Date(current.etaSeconds * 1000).toISOString().substring(11, 19);
        const points = await api('/runs/' + encodeURIComponent(current.runId) + '/points');
        const steps = points.map((p) => p.step);
        chart('loss-chart', 'line', steps, [
            { label: 'training loss', data: points.map((p) => p.trainLoss), borderColor: '#0d6efd' },
            { label: 'validation loss', data: points.map((p) => p.validationLoss), borderColor: '#dc3545' },
        ]);
        chart('tps-chart', 'line', steps, [
            { label: 'tokens/s', data: points.map((p) => p.tokensPerSecond), borderColor: '#198754' },
        ]);
    }

    async function versions() {
        const data = await api('/overview');
        const inference = data.sources.inference;
        $('versions-absent').textContent = 'Versions and deployments are absent: '
            + (inference ? inference.detail : 'no source');
    }

    async function evolution() {
        const select = $('evolution-dataset');
        const trainer = (await api('/overview')).sources.trainer;
        if (!trainer || !trainer.available) {
            absent('evolution-absent', 'Evolution snapshots are absent: ' + (trainer ? trainer.detail : 'no trainer'));
            return;
        }
        let datasets;
        try {
            datasets = await api('/evolution');
        } catch (e) {
            absent('evolution-absent', 'The trainer could not be read: ' + e.message);
            return;
        }
        absent('evolution-absent', datasets.length ? '' : 'No evolution snapshots yet.');
        const chosen = select.value || (datasets[0] && datasets[0].dataset);
        select.replaceChildren(...datasets.map((d) => new Option(d.name || d.dataset, d.dataset, false, d.dataset === chosen)));
        if (!chosen) {
            return;
        }
        const summary = await api('/evolution/' + encodeURIComponent(chosen));
        chart('evolution-chart', 'line', summary.steps, [
            { label: `right answers of ${summary.total}`, data: summary.correctByStep, borderColor: '#6f42c1' },
        ]);
        const stepSelect = $('evolution-step');
        const step = stepSelect.value || summary.steps[summary.steps.length - 1];
        stepSelect.replaceChildren(...summary.steps.map((s) => new Option(s, s, false, String(s) === String(step))));
        if (step !== undefined) {
            const snapshot = await api(`/evolution/${encodeURIComponent(chosen)}/${step}`);
            rows('evolution-answers', snapshot.answers, (a) => [a.index, a.prompt, a.expected, a.answer,
                { text: a.correct ? 'yes' : 'no', cls: a.correct ? 'gap-ok' : 'gap-over' }]);
        }
    }

    async function alerts() {
        const [list, notifications, errors, anomalies] = await Promise.all([
            api('/alerts'), api('/alerts/notifications?limit=50'), api('/events/recent'), api('/anomalies')]);
        rows('alerts', list, (a) => [a.rule, { text: a.state, cls: 'state-' + a.state }, a.severity,
            Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(', '), a.value, when(a.activeSince)]);
        rows('notifications', notifications, (n) => [when(n.createdAt), n.channel, n.kind, n.title, n.status]);
        rows('errors', errors, (e) => [when(e.occurredAt), e.service, e.severity, e.code, e.message]);
        rows('anomalies', anomalies, (a) => [when(a.at), a.series, a.value, number(a.expected), a.reason]);
    }

    const PAGES = { overview, queue, run, versions, evolution, alerts };

    // --- navigation and session -----------------------------------------------------------------

    function currentPage() {
        const name = location.hash.replace('#', '');
        return PAGES[name] ? name : 'overview';
    }

    async function refresh() {
        const name = currentPage();
        for (const section of document.querySelectorAll('.page')) {
            section.hidden = section.id !== 'page-' + name;
        }
        for (const link of document.querySelectorAll('nav a')) {
            link.classList.toggle('active', link.dataset.page === name);
        }
        try {
            await PAGES[name]();
            $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
            document.body.dataset.loaded = name;
        } catch (e) {
            if (e.message !== 'unauthenticated') {
                $('updated').textContent = 'could not update: ' + e.message;
            }
        }
    }

    function start() {
        $('login').hidden = true;
        $('app').hidden = false;
        refresh();
        clearInterval(timer);
        timer = setInterval(refresh, REFRESH_MS);
    }

    function signOut(message) {
        sessionStorage.removeItem(TOKEN);
        clearInterval(timer);
        $('app').hidden = true;
        $('login').hidden = false;
        $('login-error').textContent = message || '';
    }

    async function signIn(event) {
        event.preventDefault();
        const apiKey = $('api-key').value.trim();
        const clientId = $('client-id').value.trim();
        if (apiKey) {
            sessionStorage.setItem(TOKEN, apiKey);
            start();
            return;
        }
        if (!clientId) {
            $('login-error').textContent = 'Enter a client id and secret, or an API key.';
            return;
        }
        const response = await fetch(API + '/dashboard/token', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ clientId, clientSecret: $('client-secret').value }),
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok || !body.access_token) {
            $('login-error').textContent = 'Sign-in failed: ' + (body.detail || response.statusText);
            return;
        }
        sessionStorage.setItem(TOKEN, body.access_token);
        start();
    }

    $('login-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', () => signOut());
    window.addEventListener('hashchange', refresh);
    $('evolution-dataset').addEventListener('change', () => { $('evolution-step').value = ''; refresh(); });
    $('evolution-step').addEventListener('change', refresh);

    if (sessionStorage.getItem(TOKEN)) {
        start();
    } else {
        signOut();
    }
})();
