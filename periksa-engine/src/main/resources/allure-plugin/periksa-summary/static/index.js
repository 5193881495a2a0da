/*
 * Periksa's certification summary in the Allure report: the first screen (a "Certification" tab the
 * report opens on) and the overview's first widget. Its data is periksa-summary.json, written by
 * Periksa beside the Allure results and handed to the report by this plugin's extension as
 * widgets/periksa-summary.json. Every value is escaped before it is shown.
 */
(function () {
    'use strict';

    var DATA = 'widgets/periksa-summary.json';

    function esc(s) {
        return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, function (c) {
            return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
        });
    }

    /* The summary: embedded in a single-file report, else fetched beside the page. */
    function load() {
        var embedded = window.reportData && window.reportData[DATA];
        if (embedded) {
            var bytes = Uint8Array.from(atob(embedded), function (c) { return c.charCodeAt(0); });
            return Promise.resolve(JSON.parse(new TextDecoder('utf-8').decode(bytes)));
        }
        return fetch(DATA).then(function (r) { return r.json(); });
    }

    var SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

    function chart(t, d) {
        var areas = Object.keys(t.findingsByArea || {});
        if (areas.length === 0) {
            return '';
        }
        var max = 1;
        areas.forEach(function (a) {
            var n = 0;
            SEVERITIES.forEach(function (s) { n += t.findingsByArea[a][s] || 0; });
            max = Math.max(max, n);
        });
        var rows = areas.map(function (a) {
            var bars = SEVERITIES.map(function (s) {
                var n = t.findingsByArea[a][s] || 0;
                return n === 0 ? '' : '<span class="periksa-bar periksa-sev-' + s + '" style="width:' +
                    (100 * n / max) + '%" title="' + esc(d.texts['severity.' + s]) + ': ' + n + '">' + n +
                    '</span>';
            }).join('');
            return '<div class="periksa-chart-row"><span class="periksa-chart-label">' + esc(a) +
                '</span><span class="periksa-chart-bars">' + bars + '</span></div>';
        }).join('');
        var legend = SEVERITIES.map(function (s) {
            return '<span class="periksa-legend periksa-sev-' + s + '">' + esc(d.texts['severity.' + s]) + ' ' +
                (t.findingsBySeverity[s] || 0) + '</span>';
        }).join(' ');
        return '<h4>' + esc(d.texts['summary.findings']) + '</h4><div class="periksa-chart">' + rows +
            '</div><div class="periksa-legends">' + legend + '</div>';
    }

    function requirements(t, d) {
        var head = '<tr><th>' + esc(d.texts['summary.requirement']) + '</th><th>' +
            esc(d.texts['summary.outcome']) + '</th><th>' + esc(d.texts['summary.severity']) + '</th><th>' +
            esc(d.texts['summary.clauses']) + '</th></tr>';
        var body = t.requirements.map(function (r) {
            return '<tr class="periksa-row-' + esc(r.outcome) + '" data-requirement="' + esc(r.id) + '">' +
                '<td><b>' + esc(r.id) + '</b> ' + esc(r.title) + (r.advisory ? ' <i>(' +
                esc(d.texts['summary.advisory']) + ')</i>' : '') + '</td>' +
                '<td><span class="periksa-outcome periksa-outcome-' + esc(r.outcome) + '">' +
                esc(r.outcomeText) + '</span></td>' +
                '<td>' + (r.severity ? '<span class="periksa-sev periksa-sev-' + esc(r.severity) + '">' +
                    esc(r.severityText) + '</span>' : '') + '</td>' +
                '<td class="periksa-clauses">' + r.clauses.map(esc).join(', ') + '</td></tr>';
        }).join('');
        return '<table class="periksa-table">' + head + body + '</table>';
    }

    function exemptions(t, d) {
        var w = t.waivers.length === 0 ? esc(d.texts['summary.none']) : '<ul>' + t.waivers.map(function (x) {
            return '<li><b>' + esc(x.requirement || x.check) + '</b>: ' + esc(x.justification) + ' — ' +
                esc(d.texts['summary.approvedBy']) + ' ' + esc(x.approver) + ', ' +
                esc(d.texts['summary.expires']) + ' ' + esc(x.expires) + ' (' + esc(x.status) + ')</li>';
        }).join('') + '</ul>';
        var a = t.attestations.length === 0 ? esc(d.texts['summary.none']) : '<ul>' + t.attestations.map(function (x) {
            return '<li><b>' + esc(x.requirement) + '</b> (' + (x.covers || []).map(esc).join(', ') + '): ' +
                esc(x.statement) + ' — ' + esc(d.texts['summary.attestedBy']) + ' ' +
                esc(x.attestedBy && x.attestedBy.name) + ' (' + esc(x.attestedBy && x.attestedBy.role) + '), ' +
                esc(x.date) + (x.expires ? ', ' + esc(d.texts['summary.expires']) + ' ' + esc(x.expires) : '') +
                ' (' + esc(x.status) + ')</li>';
        }).join('') + '</ul>';
        return '<h4>' + esc(d.texts['summary.waivers']) + '</h4>' + w +
            '<h4>' + esc(d.texts['summary.attestations']) + '</h4>' + a;
    }

    function inventory(t, d) {
        if (!t.inventory || t.inventory.length === 0) {
            return '';
        }
        return '<h4>' + esc(d.texts['summary.inventory']) + '</h4><ul>' + t.inventory.map(function (f) {
            return '<li>' + esc(f.host) + ':' + esc(f.port) + ' — ' + esc(f.product) + '</li>';
        }).join('') + '</ul>';
    }

    function target(t, d) {
        return '<section class="periksa-target" data-target="' + esc(t.name) + '">' +
            '<div class="periksa-banner periksa-verdict-' + esc(t.verdict) + '">' +
            '<span class="periksa-verdict">' + esc(t.verdictText) + '</span>' +
            '<span class="periksa-target-name">' + esc(t.name) + '</span>' +
            '<span class="periksa-explain">' + esc(t.verdictExplain) + '</span></div>' +
            '<p>' + esc(d.texts['summary.scope']) + ': ' + t.scope.map(esc).join(', ') + '</p>' +
            requirements(t, d) + chart(t, d) + exemptions(t, d) + inventory(t, d) + '</section>';
    }

    function facts(d) {
        var regs = d.regulations.map(function (r) { return esc(r.name); }).join('; ');
        return '<section class="periksa-facts"><table class="periksa-table">' +
            '<tr><th>' + esc(d.texts['summary.run']) + '</th><td>' + esc(d.run.id) + '</td></tr>' +
            '<tr><th>' + esc(d.texts['summary.started']) + '</th><td>' + esc(d.run.started) + '</td></tr>' +
            '<tr><th>' + esc(d.texts['summary.finished']) + '</th><td>' + esc(d.run.finished) + '</td></tr>' +
            '<tr><th>' + esc(d.texts['summary.periksa']) + '</th><td>' + esc(d.run.periksa) + '</td></tr>' +
            '<tr><th>' + esc(d.texts['summary.featureSet']) + '</th><td class="periksa-mono">' +
            esc(d.run.featureSetHash) + '</td></tr>' +
            '<tr><th>' + esc(d.texts['summary.regulations']) + '</th><td>' + regs + '</td></tr>' +
            '<tr><th>' + esc(d.texts['summary.key']) + '</th><td class="periksa-mono periksa-key">' +
            esc(d.key.fingerprint) + '</td></tr>' +
            '<tr><th>' + esc(d.texts['summary.verify']) + '</th><td><code class="periksa-verify">' +
            esc(d.key.verify) + '</code></td></tr>' +
            '</table><p class="periksa-note">' + esc(d.texts['summary.notCounted']) + '</p></section>';
    }

    /* Every target's verdict in one glance, above the details. */
    function verdicts(d) {
        return '<div class="periksa-verdicts">' + d.targets.map(function (t) {
            var failed = t.requirements.filter(function (r) { return r.outcome === 'FAIL' && !r.advisory; });
            return '<div class="periksa-mini periksa-verdict-' + esc(t.verdict) + '"><b>' + esc(t.verdictText) +
                '</b> ' + esc(t.name) + (failed.length ? ' <span class="periksa-explain">(' + failed.length +
                ' ' + esc(t.requirements.length ? failed[0].outcomeText : '') + ')</span>' : '') + '</div>';
        }).join('') + '</div>';
    }

    function page(d) {
        return '<div class="periksa-summary" lang="' + esc(d.lang) + '"><h2>' + esc(d.texts['summary.title']) +
            '</h2>' + verdicts(d) + d.targets.map(function (t) { return target(t, d); }).join('') + facts(d) +
            (d.coverageHtml ? '<h3>' + esc(d.texts['summary.coverage']) + '</h3><div class="periksa-coverage">' +
                d.coverageHtml + '</div>' : '') + '</div>';
    }

    /* The compact widget: one banner per target. */
    function compact(d) {
        return '<div class="periksa-summary periksa-compact"><h2 class="widget__title">' +
            esc(d.texts['summary.title']) + '</h2>' + d.targets.map(function (t) {
                var failed = t.requirements.filter(function (r) { return r.outcome === 'FAIL' && !r.advisory; })
                    .map(function (r) { return esc(r.id) + (r.severity ? ' ' + esc(r.severityText) : ''); });
                return '<div class="periksa-banner periksa-verdict-' + esc(t.verdict) + '">' +
                    '<span class="periksa-verdict">' + esc(t.verdictText) + '</span>' +
                    '<span class="periksa-target-name">' + esc(t.name) + '</span>' +
                    (failed.length ? '<span class="periksa-explain">' + failed.join(', ') + '</span>' : '') +
                    '</div>';
            }).join('') + '<p><a href="#periksa">' + esc(d.texts['summary.tab']) + ' →</a></p>' +
            '<p class="periksa-mono periksa-key">' + esc(d.key.fingerprint) + '</p></div>';
    }

    var SummaryView = Backbone.Marionette.View.extend({
        template: function () { return '<div class="periksa-loading"></div>'; },
        onRender: function () {
            var el = this.el;
            var compactOnly = this.compact === true;
            load().then(function (d) {
                el.innerHTML = compactOnly ? compact(d) : page(d);
            }).catch(function (e) {
                el.innerHTML = '<p>Periksa summary unavailable: ' + esc(e) + '</p>';
            });
        }
    });

    allure.api.addTranslation('en', {tab: {periksa: {name: 'Certification'}}});
    allure.api.addTranslation('id', {tab: {periksa: {name: 'Sertifikasi'}}});

    allure.api.addTab('periksa', {
        title: 'tab.periksa.name',
        icon: 'fa fa-certificate',
        route: 'periksa',
        onEnter: function () {
            /* Inside Allure's own layout, so its side bar stays. */
            var Layout = allure.components.AppLayout.extend({
                getContentView: function () {
                    return new SummaryView();
                }
            });
            return new Layout();
        }
    });

    /* The overview: this summary first; no pass rate that mixes targets, no empty trend or executors. */
    var registry = allure.api.widgets.widgets || {};
    var kept = {};
    Object.keys(registry).forEach(function (k) { kept[k] = registry[k]; });
    Object.keys(registry).forEach(function (k) { delete registry[k]; });
    allure.api.addWidget('widgets', 'periksa-summary', SummaryView.extend({compact: true}));
    registry = allure.api.widgets.widgets;
    Object.keys(kept).forEach(function (k) {
        if (['summary', 'history-trend', 'executors'].indexOf(k) < 0) {
            registry[k] = kept[k];
        }
    });

    /* The report opens on the certification summary. */
    if (!window.location.hash || window.location.hash === '#') {
        window.location.hash = '#periksa';
    }
})();
