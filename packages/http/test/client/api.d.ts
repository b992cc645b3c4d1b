// Generated from the OpenAPI document by openapi-typescript (test/client/generate.ts). Do not edit.
export interface paths {
    "/livez": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["livez"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the workflow store answers */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics of your tenant's requests: by route and status, durations */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plans served to your tenant, with their hashes and plugins */
        get: operations["listPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plan in force at a date: rules, clauses, due dates, parameter values, who set each */
        get: operations["getPlanInForce"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the plan's county plugins change against the base plan, with reasons */
        get: operations["getPlanDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan}/input-schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema of the plan's evaluation input (its plugins' indicators included) */
        get: operations["getInputSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate villages and households: the report as JSON
         * @description The body is the evaluation input as JSON (see `/plans/{plan}/input-schema` for the exact schema of each plan with its plugins) or a filled xlsx template. Every problem of the input is listed at once (422, `issues`), each with its village, year, key, or sheet and cell. With `fromWorkflows=true`, the indicators the caller's tenant's workflows settle are merged in: each result that reads one lists its instances in `sources`, and a typed value that disagrees is in `notes`. The report as a page or a workbook is `evaluateHtml` (`/evaluate/report.html`) or `evaluateXlsx` (`/evaluate/report.xlsx`); an `Accept` that prefers `text/html` or the xlsx type is still answered in that form here, for clients written before them.
         */
        post: operations["evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan}/evaluate/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate villages and households: the report as a self-contained HTML page
         * @description The same input and query as `evaluate`; the report as a self-contained HTML page.
         */
        post: operations["evaluateHtml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan}/evaluate/report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate villages and households: the report as an xlsx workbook
         * @description The same input and query as `evaluate`; the report as an xlsx workbook.
         */
        post: operations["evaluateXlsx"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan}/evaluate/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Batch evaluation: one village per NDJSON line in, one result per line out, streamed
         * @description Each input line is a village record; a first line `{"district": {...}}` gives the district data that growth rules compare with. Each output line is the village's result, in input order; an invalid line gives `{"line": n, "problem": {...}}` in its place and the stream goes on. Memory stays bounded whatever the length.
         */
        post: operations["evaluateBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan}/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Household screening (部门筛查): one household per NDJSON line in, its risks out, streamed */
        post: operations["screenHouseholds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/{plan}/workflows/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an instance of a workflow under a plan, for a village or a household */
        post: operations["startWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search your tenant's instances within what your roles cover, by due date then id, a page at a time
         * @description What you find is what your roles cover (可见范围): a supervisor or approver the tenant, a township official its township, a village committee or cadre its village, a department the instances assigned to its unit or escalating to it, a household its own case. Results are summaries — ids, states, deadlines, dates — never a context or a personal value. Sorted by the earliest deadline (undated last), then id; pass `next` as `cursor` for the following page (an instance unchanged meanwhile is neither repeated nor missed). With `counts=true`, `counts` gives the results of every page by state.
         */
        get: operations["searchInstances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your task list (待办): instances where you may send an event now, and those escalated to your unit
         * @description Active instances where the role table lets you send an event now (`events`, payload conditions aside), and the overdue ones whose deadline escalates to your unit (`escalated`: 督办), by due date then id, a page at a time. Read by the role table of the first plan served to your tenant.
         */
        get: operations["listTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/instances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An instance's state, context, deadlines and version (ETag)
         * @description Personal fields of the context (个人信息: the household head, case notes, reasons, objections) are shown only to the roles that handle the case within their scope, and to the household itself; everyone else gets them masked (`[个人信息 personal data]`), and after erasure everyone gets `[已删除 erased]`.
         */
        get: operations["getInstance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/instances/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event to an instance
         * @description Refusals answer with every reason and the events allowed now (`allowedNow`). With If-Match, two clients sending against the same version get one 200 and one 412; with the same Idempotency-Key, the event is applied once and every repeat gets its stored response, whatever its If-Match says.
         */
        post: operations["sendEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/instances/{id}/allowed-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The events you may send now (payload conditions aside) */
        get: operations["getAllowedEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/instances/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The instance's audit entries, accepted and refused, in chain order */
        get: operations["getHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/instances/{id}/public-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public notice (公示) of a poverty-monitoring instance: no personal data beyond a masked name */
        get: operations["getPublicNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/tick": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark your tenant's passed deadlines overdue now (supervisor); answers their overdue notices */
        post: operations["tick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify your tenant's audit chain (supervisor): intact, or the first changed or missing entry */
        get: operations["verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            code: string;
            detail?: string;
            instance?: string;
            requestId?: string;
            issues?: components["schemas"]["ProblemIssue"][];
            reasons?: string[];
            allowedNow?: string[];
            state?: string | null;
            currentVersion?: number;
        };
        ProblemIssue: {
            path: (string | number)[];
            message: string;
            subject?: {
                type: string;
                id: string;
            };
            line?: number;
            year?: number;
            key?: string;
            value?: unknown;
            sheet?: string;
            cell?: string;
            header?: string;
            text?: string;
        };
        PlanSummary: {
            key: string;
            id: string;
            title: {
                zh: string;
                en: string;
            };
            docNo: string;
            hash: string;
            plugins: string[];
        };
        PlanInForce: {
            plan: string;
            hash: string;
            at: string;
            plugins: string[];
            rules: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                subject: string;
                kind: string;
                strength: string;
                clauses: {
                    id: string;
                    label: string;
                }[];
                due?: string | number;
                units: string[];
                unitsAssumption: boolean;
                /** @description `plan` or `plugin:<id>@<version>` */
                unitsSetBy: string;
                /** @description `plan` or `plugin:<id>@<version>` */
                setBy: string;
            }[];
            screeningRules: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                riskType: string;
                /** @description `plan` or `plugin:<id>@<version>` */
                setBy: string;
            }[];
            parameters: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                value?: string | number;
                from?: string;
                unit: string;
                /**
                 * @description Which way the value moves to be stricter
                 * @enum {string}
                 */
                stricter: "higher" | "lower" | "none";
                assumption: boolean;
                source?: unknown;
                /** @description `plan` or `plugin:<id>@<version>` */
                setBy: string;
            }[];
            units?: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                /** @description `plan` or `plugin:<id>@<version>` */
                setBy: string;
            }[];
            clauses?: {
                [key: string]: unknown;
            }[];
            indicators?: {
                [key: string]: unknown;
            }[];
            riskTypes?: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                /** @description `plan` or `plugin:<id>@<version>` */
                setBy: string;
            }[];
        };
        PlanDiff: {
            base: {
                id: string;
                hash: string;
            };
            hash: string;
            plugins: {
                id: string;
                version: string;
            }[];
            changes: {
                kind: string;
                id: string;
                /** @enum {string} */
                change: "added" | "changed" | "replaced" | "disabled";
                by: string;
                before?: unknown;
                after?: unknown;
                relaxed?: string;
                /** @description a rule's name with each {p:…} filled with the parameter's values */
                name?: {
                    zh: string;
                    en: string;
                };
            }[];
        };
        JsonSchema: {
            [key: string]: unknown;
        };
        Report: {
            plan: {
                id: string;
                title: {
                    zh: string;
                    en: string;
                };
                docNo: string;
                hash: string;
                plugins: string[];
                relaxed: {
                    id: string;
                    reason: string;
                    by: string;
                }[];
            };
            asOf: string;
            assessment?: components["schemas"]["PeriodAssessment"];
            results: components["schemas"]["RuleResult"][];
            households: components["schemas"]["HouseholdResult"][];
            summary: {
                overall: {
                    met: number;
                    "not-met": number;
                    pending: number;
                    "not-applicable": number;
                    "missing-data": number;
                };
                villages: {
                    subject: {
                        /** @enum {string} */
                        type: "village" | "district" | "household";
                        id: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        keyVillage?: boolean;
                        township?: {
                            id: string;
                            name: {
                                zh: string;
                                en: string;
                            };
                        };
                    };
                    counts: {
                        met: number;
                        "not-met": number;
                        pending: number;
                        "not-applicable": number;
                        "missing-data": number;
                    };
                    lapsed: number;
                }[];
                district: {
                    met: number;
                    "not-met": number;
                    pending: number;
                    "not-applicable": number;
                    "missing-data": number;
                };
                districtLapsed: number;
                nonKeyVillages: string[];
                units: {
                    unit: {
                        id: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        lead: boolean;
                        township?: string;
                    };
                    items: {
                        subject: {
                            /** @enum {string} */
                            type: "village" | "district" | "household";
                            id: string;
                            name: {
                                zh: string;
                                en: string;
                            };
                            keyVillage?: boolean;
                            township?: {
                                id: string;
                                name: {
                                    zh: string;
                                    en: string;
                                };
                            };
                        };
                        ruleId: string;
                        /** @enum {string} */
                        status: "met" | "not-met" | "pending" | "not-applicable" | "missing-data";
                        /** @enum {string} */
                        progress?: "on-track" | "needs-acceleration" | "off-track" | "deteriorating" | "unknown";
                        lead: boolean;
                        message: {
                            zh: string;
                            en: string;
                        };
                    }[];
                    lapses: {
                        subject: {
                            /** @enum {string} */
                            type: "village" | "district" | "household";
                            id: string;
                            name: {
                                zh: string;
                                en: string;
                            };
                            keyVillage?: boolean;
                            township?: {
                                id: string;
                                name: {
                                    zh: string;
                                    en: string;
                                };
                            };
                        };
                        ruleId: string;
                        years: number[];
                        lead: boolean;
                    }[];
                }[];
                households: {
                    screened: number;
                    withRisk: number;
                    byRiskType: {
                        [key: string]: number;
                    };
                    byCategory: {
                        [key: string]: number;
                    };
                };
            };
            notes: {
                subject: {
                    /** @enum {string} */
                    type: "village" | "district" | "household";
                    id: string;
                };
                year?: number;
                key: string;
                value: string;
                /** @enum {string} */
                code: "dated-after-as-of" | "typed-differs-from-workflow" | "workflow-village-not-in-input";
                message: {
                    zh: string;
                    en: string;
                };
            }[];
        };
        PeriodAssessment: {
            period: {
                start: string;
                end: string;
            };
            counts: {
                held: number;
                lapsed: number;
                unjudged: number;
            };
            rules: {
                subject: {
                    /** @enum {string} */
                    type: "village" | "district" | "household";
                    id: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                    keyVillage?: boolean;
                    township?: {
                        id: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                    };
                };
                ruleId: string;
                ruleName: {
                    zh: string;
                    en: string;
                };
                /** @enum {string} */
                kind: "annual" | "ongoing";
                /** @enum {string} */
                outcome: "held" | "lapsed" | "unjudged";
                lapses: number[];
                unjudged: number[];
                message: {
                    zh: string;
                    en: string;
                };
            }[];
        };
        RuleResult: {
            subject: {
                /** @enum {string} */
                type: "village" | "district" | "household";
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                keyVillage?: boolean;
                township?: {
                    id: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                };
            };
            ruleId: string;
            ruleName: {
                zh: string;
                en: string;
            };
            setBy: string;
            /** @enum {string} */
            kind: "deadline" | "annual" | "ongoing";
            /** @enum {string} */
            strength: "binding" | "strive" | "basic";
            /** @enum {string} */
            status: "met" | "not-met" | "pending" | "not-applicable" | "missing-data";
            /** @enum {string} */
            progress?: "on-track" | "needs-acceleration" | "off-track" | "deteriorating" | "unknown";
            progressDetail?: {
                base: {
                    year: number;
                    value: number;
                };
                current: {
                    year: number;
                    value: number;
                };
                target: number;
                dueYear: number;
                cagrObserved?: number;
                cagrRequired?: number;
                ratio?: number;
            };
            clause: {
                id: string;
                label: string;
            };
            clauses: {
                id: string;
                label: string;
            }[];
            due?: string;
            year: number;
            observedYear?: number;
            actual: {
                [key: string]: {
                    value: unknown;
                    year?: number;
                };
            };
            expected: {
                [key: string]: {
                    operator: string;
                    value: unknown;
                };
            };
            parameters: {
                id: string;
                value: number | string;
                from: string;
                unit: string;
                assumption: boolean;
                setBy: string;
            }[];
            units: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                lead: boolean;
                township?: string;
            }[];
            unitsAssumption?: boolean;
            missing?: string[];
            completedLate?: boolean;
            years?: {
                year: number;
                /** @enum {string} */
                status: "met" | "not-met" | "pending" | "not-applicable" | "missing-data";
                due?: string;
                actual: {
                    [key: string]: {
                        value: unknown;
                        year?: number;
                    };
                };
                expected: {
                    [key: string]: {
                        operator: string;
                        value: unknown;
                    };
                };
                missing?: string[];
                message: {
                    zh: string;
                    en: string;
                };
            }[];
            lapses?: number[];
            series?: {
                key: string;
                /** @enum {string} */
                unit: "ratio" | "CNY" | "count" | "persons" | "date" | "none" | "days" | "working days" | "months";
                target: number;
                values: {
                    year: number;
                    value: number | null;
                }[];
            };
            sources?: {
                key: string;
                year: number;
                workflow: string;
                instances: {
                    id: string;
                    version: number;
                }[];
            }[];
            message: {
                zh: string;
                en: string;
            };
        };
        HouseholdResult: {
            subject: {
                /** @enum {string} */
                type: "village" | "district" | "household";
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                keyVillage?: boolean;
                township?: {
                    id: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                };
            };
            villageId: string;
            risks: string[];
            details: {
                ruleId: string;
                setBy: string;
                riskType: string;
                riskName: {
                    zh: string;
                    en: string;
                };
                clause: {
                    id: string;
                    label: string;
                };
                actual: {
                    [key: string]: {
                        value: unknown;
                        year?: number;
                    };
                };
                parameters: {
                    id: string;
                    value: number | string;
                    from: string;
                    unit: string;
                    assumption: boolean;
                    setBy: string;
                }[];
                units: {
                    id: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                    lead: boolean;
                    township?: string;
                }[];
                message: {
                    zh: string;
                    en: string;
                };
            }[];
            category?: string;
            categoryName?: {
                zh: string;
                en: string;
            };
            missing?: {
                ruleId: string;
                keys: string[];
            }[];
        };
        VillageEvaluation: {
            subject: {
                /** @enum {string} */
                type: "village" | "district" | "household";
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                keyVillage?: boolean;
                township?: {
                    id: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                };
            };
            results: (components["schemas"]["RuleResult"] | components["schemas"]["RuleStatus"])[];
            counts: {
                met: number;
                "not-met": number;
                pending: number;
                "not-applicable": number;
                "missing-data": number;
            };
        };
        RuleStatus: {
            subject: {
                /** @enum {string} */
                type: "village" | "district" | "household";
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                keyVillage?: boolean;
                township?: {
                    id: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                };
            };
            ruleId: string;
            /** @enum {string} */
            status: "met" | "not-met" | "pending" | "not-applicable" | "missing-data";
            year: number;
            due?: string;
            /** @enum {string} */
            progress?: "on-track" | "needs-acceleration" | "off-track" | "deteriorating" | "unknown";
        };
        StartBody: {
            subject: {
                village: string;
                township?: string;
                household?: string;
            };
            event: components["schemas"]["EventBody"];
        };
        EventBody: {
            type: string;
            payload?: {
                [key: string]: unknown;
            };
        };
        TransitionResult: {
            instanceId: string;
            event: string;
            from: string | null;
            to: string;
            version: number;
            at: string;
            duplicate?: boolean;
        };
        InstancePage: {
            instances: components["schemas"]["InstanceSummary"][];
            next: string | null;
            counts?: {
                [key: string]: number;
            };
        };
        InstanceSummary: {
            id: string;
            /** @enum {string} */
            type: "village-plan" | "rectification" | "poverty-monitoring";
            state: string;
            /** @enum {string} */
            status: "active" | "done";
            subject: {
                village: string;
                township: string;
                household?: string;
            };
            due: string | null;
            overdue: boolean;
            deadlines: {
                id: string;
                due: string;
                overdue: boolean;
                escalateTo: string[];
            }[];
            version: number;
            updatedAt: string;
        };
        TaskPage: {
            tasks: components["schemas"]["Task"][];
            next: string | null;
        };
        Task: {
            id: string;
            /** @enum {string} */
            type: "village-plan" | "rectification" | "poverty-monitoring";
            state: string;
            /** @enum {string} */
            status: "active" | "done";
            subject: {
                village: string;
                township: string;
                household?: string;
            };
            due: string | null;
            overdue: boolean;
            deadlines: {
                id: string;
                due: string;
                overdue: boolean;
                escalateTo: string[];
            }[];
            version: number;
            updatedAt: string;
            events: string[];
            escalated: boolean;
        };
        InstanceView: {
            id: string;
            /** @enum {string} */
            type: "village-plan" | "rectification" | "poverty-monitoring";
            tenant: string;
            subject: {
                village: string;
                township: string;
                household?: string;
            };
            state: string;
            done: boolean;
            context: {
                [key: string]: unknown;
            };
            version: number;
            machineVersion: number;
            planHash: string;
            deadlines: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                due: string;
                firesAt: string;
                escalateTo: string[];
                overdueAt?: string;
            }[];
            overdue: boolean;
            createdAt: string;
            updatedAt: string;
        };
        AuditEntry: {
            seq: number;
            prevHash: string;
            hash: string;
            tenant: string;
            instanceId: string | null;
            workflow: string;
            event: string;
            /** @enum {string} */
            outcome: "started" | "accepted" | "refused" | "overdue" | "migrated" | "erased";
            actor: {
                id: string;
                roles: ("township-official" | "village-committee" | "village-cadre" | "district-approver" | "county-approver" | "department" | "supervisor" | "household")[];
                tenant: string;
                unit?: string;
                township?: string;
                village?: string;
                household?: string;
                name?: string;
            } | {
                /** @constant */
                id: "system";
            };
            at: string;
            stateBefore: string | null;
            stateAfter: string | null;
            planHash: string;
            machineVersion: number;
            payload?: unknown;
            reason?: {
                code: string;
                zh: string;
                en: string;
            };
            idempotencyKey?: string;
            /** @constant */
            v?: 2;
            instanceHash?: string;
            eventHashes?: string[];
            signature?: {
                keyId: string;
                value: string;
            };
        };
        PublicNotice: {
            village: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                } | null;
            };
            householdHead: string | null;
            category: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
            } | null;
            riskTypes: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
            }[];
        };
        AuditVerification: {
            /** @constant */
            ok: true;
            entries: number;
            headHash: string;
            tenants?: {
                [key: string]: {
                    entries: number;
                    headHash: string;
                };
            };
            checkpoints?: {
                count: number;
                /** @enum {string} */
                signatures: "verified" | "not-checked";
            };
            signedEntries?: number;
            instances?: number;
            events?: number;
        } | {
            /** @constant */
            ok: false;
            entries: number;
            tenant?: string;
            seq: number;
            instanceId: string | null;
            outboxId?: number;
            /** @enum {string} */
            problem: "changed" | "missing" | "reordered" | "unreadable" | "head" | "checkpoint" | "signature" | "instance" | "outbox";
            message: {
                zh: string;
                en: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    livez: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                    };
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                    };
                };
            };
            /** @description Problem */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plans */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plans: components["schemas"]["PlanSummary"][];
                    };
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlanInForce: {
        parameters: {
            query?: {
                /** @description The date, YYYY-MM-DD (default: today) */
                at?: string;
            };
            header?: never;
            path: {
                plan: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanInForce"];
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlanDiff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plan: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes (none for a base plan) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDiff"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInputSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plan: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON Schema (draft 2020-12) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JsonSchema"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluate: {
        parameters: {
            query?: {
                /** @description The date to judge at, YYYY-MM-DD (default: today) */
                asOf?: string;
                /** @description Merge what the caller's tenant's workflows settle as of the date (village-plan approval dates, open problem-toilet cases, monitoring activity): `true` or `false` (default) */
                fromWorkflows?: "true" | "false";
            };
            header?: never;
            path: {
                plan: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "villages": [
                 *         {
                 *           "id": "liuyang",
                 *           "attributes": {
                 *             "needsExpressPoint": true,
                 *             "hasEcommerceConditions": true
                 *           },
                 *           "indicators": {
                 *             "2025": {
                 *               "tapWaterRate": 0.87,
                 *               "collectiveIncomeCny": 189000
                 *             }
                 *           }
                 *         }
                 *       ],
                 *       "households": [
                 *         {
                 *           "id": "lh-001",
                 *           "villageId": "liuyang",
                 *           "size": 4,
                 *           "annualNetIncomeCny": 58000
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    district?: {
                        indicators?: {
                            [key: string]: {
                                adminVillageCount?: number;
                                gigabitVillageCount?: number;
                                garbageSystemVillageShare?: number;
                                ruralPreschoolGrossEnrollmentRate?: number;
                            };
                        };
                        reference?: {
                            [key: string]: {
                                localCollectiveIncomeGrowth?: number;
                                districtFarmerIncomeGrowth?: number;
                            };
                        };
                    };
                    villages?: {
                        id: string;
                        name?: string;
                        attributes: {
                            needsExpressPoint: boolean;
                            hasEcommerceConditions: boolean;
                            retainedVillage?: boolean;
                        };
                        indicators?: {
                            [key: string]: {
                                specialtyIndustryCount?: number;
                                hasEcommerceExpressStation?: boolean;
                                collectiveIncomeCny?: number;
                                farmerPerCapitaIncomeCny?: number;
                                hasRoadAccess?: boolean;
                                hasPipedWaterSupply?: boolean;
                                hasGasSupply?: boolean;
                                hasBroadband?: boolean;
                                hasLogisticsExpress?: boolean;
                                tapWaterRate?: number;
                                drinkingWaterQualityCompliant?: boolean;
                                hasExpressServicePoint?: boolean;
                                garbageCollectionRate?: number;
                                sanitaryToiletRate?: number;
                                fecesTreatmentRate?: number;
                                toiletSurveyCompleted?: boolean;
                                qualityProblemToiletsOpen?: number;
                                technicalProblemToiletsOpen?: number;
                                technicalToiletRoadmap?: boolean;
                                villageRenovationDone?: boolean;
                                courtyardRenovationDone?: boolean;
                                maintenanceFunds?: boolean;
                                maintenanceTeam?: boolean;
                                maintenanceRules?: boolean;
                                onMaintenancePlatform?: boolean;
                                villagePlanApprovedOn?: string;
                                transitionFundsCny?: number;
                                industryFundShare?: number;
                                firstSecretaryStationed?: boolean;
                                workTeamStationed?: boolean;
                                weakPartyOrganization?: boolean;
                                affairsDisclosed?: boolean;
                                povertyMonitoringActive?: boolean;
                            };
                        };
                    }[];
                    households?: {
                        id: string;
                        villageId: string;
                        size: number;
                        annualNetIncomeCny?: number;
                        formerlyPoor?: boolean;
                        hasLaborCapacity?: boolean;
                        foodClothingSecured?: boolean;
                        compulsoryEducationSecured?: boolean;
                        basicMedicalSecured?: boolean;
                        housingSafe?: boolean;
                        drinkingWaterSafe?: boolean;
                    }[];
                };
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable media type (not-acceptable) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large (payload-too-large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type (unsupported-media-type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input, spreadsheet, payload or event (every problem listed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluateHtml: {
        parameters: {
            query?: {
                /** @description The date to judge at, YYYY-MM-DD (default: today) */
                asOf?: string;
                /** @description Merge what the caller's tenant's workflows settle as of the date (village-plan approval dates, open problem-toilet cases, monitoring activity): `true` or `false` (default) */
                fromWorkflows?: "true" | "false";
            };
            header?: never;
            path: {
                plan: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "villages": [
                 *         {
                 *           "id": "liuyang",
                 *           "attributes": {
                 *             "needsExpressPoint": true,
                 *             "hasEcommerceConditions": true
                 *           },
                 *           "indicators": {
                 *             "2025": {
                 *               "tapWaterRate": 0.87,
                 *               "collectiveIncomeCny": 189000
                 *             }
                 *           }
                 *         }
                 *       ],
                 *       "households": [
                 *         {
                 *           "id": "lh-001",
                 *           "villageId": "liuyang",
                 *           "size": 4,
                 *           "annualNetIncomeCny": 58000
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    district?: {
                        indicators?: {
                            [key: string]: {
                                adminVillageCount?: number;
                                gigabitVillageCount?: number;
                                garbageSystemVillageShare?: number;
                                ruralPreschoolGrossEnrollmentRate?: number;
                            };
                        };
                        reference?: {
                            [key: string]: {
                                localCollectiveIncomeGrowth?: number;
                                districtFarmerIncomeGrowth?: number;
                            };
                        };
                    };
                    villages?: {
                        id: string;
                        name?: string;
                        attributes: {
                            needsExpressPoint: boolean;
                            hasEcommerceConditions: boolean;
                            retainedVillage?: boolean;
                        };
                        indicators?: {
                            [key: string]: {
                                specialtyIndustryCount?: number;
                                hasEcommerceExpressStation?: boolean;
                                collectiveIncomeCny?: number;
                                farmerPerCapitaIncomeCny?: number;
                                hasRoadAccess?: boolean;
                                hasPipedWaterSupply?: boolean;
                                hasGasSupply?: boolean;
                                hasBroadband?: boolean;
                                hasLogisticsExpress?: boolean;
                                tapWaterRate?: number;
                                drinkingWaterQualityCompliant?: boolean;
                                hasExpressServicePoint?: boolean;
                                garbageCollectionRate?: number;
                                sanitaryToiletRate?: number;
                                fecesTreatmentRate?: number;
                                toiletSurveyCompleted?: boolean;
                                qualityProblemToiletsOpen?: number;
                                technicalProblemToiletsOpen?: number;
                                technicalToiletRoadmap?: boolean;
                                villageRenovationDone?: boolean;
                                courtyardRenovationDone?: boolean;
                                maintenanceFunds?: boolean;
                                maintenanceTeam?: boolean;
                                maintenanceRules?: boolean;
                                onMaintenancePlatform?: boolean;
                                villagePlanApprovedOn?: string;
                                transitionFundsCny?: number;
                                industryFundShare?: number;
                                firstSecretaryStationed?: boolean;
                                workTeamStationed?: boolean;
                                weakPartyOrganization?: boolean;
                                affairsDisclosed?: boolean;
                                povertyMonitoringActive?: boolean;
                            };
                        };
                    }[];
                    households?: {
                        id: string;
                        villageId: string;
                        size: number;
                        annualNetIncomeCny?: number;
                        formerlyPoor?: boolean;
                        hasLaborCapacity?: boolean;
                        foodClothingSecured?: boolean;
                        compulsoryEducationSecured?: boolean;
                        basicMedicalSecured?: boolean;
                        housingSafe?: boolean;
                        drinkingWaterSafe?: boolean;
                    }[];
                };
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description The report as a self-contained HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable media type (not-acceptable) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large (payload-too-large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type (unsupported-media-type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input, spreadsheet, payload or event (every problem listed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluateXlsx: {
        parameters: {
            query?: {
                /** @description The date to judge at, YYYY-MM-DD (default: today) */
                asOf?: string;
                /** @description Merge what the caller's tenant's workflows settle as of the date (village-plan approval dates, open problem-toilet cases, monitoring activity): `true` or `false` (default) */
                fromWorkflows?: "true" | "false";
            };
            header?: never;
            path: {
                plan: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "villages": [
                 *         {
                 *           "id": "liuyang",
                 *           "attributes": {
                 *             "needsExpressPoint": true,
                 *             "hasEcommerceConditions": true
                 *           },
                 *           "indicators": {
                 *             "2025": {
                 *               "tapWaterRate": 0.87,
                 *               "collectiveIncomeCny": 189000
                 *             }
                 *           }
                 *         }
                 *       ],
                 *       "households": [
                 *         {
                 *           "id": "lh-001",
                 *           "villageId": "liuyang",
                 *           "size": 4,
                 *           "annualNetIncomeCny": 58000
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    district?: {
                        indicators?: {
                            [key: string]: {
                                adminVillageCount?: number;
                                gigabitVillageCount?: number;
                                garbageSystemVillageShare?: number;
                                ruralPreschoolGrossEnrollmentRate?: number;
                            };
                        };
                        reference?: {
                            [key: string]: {
                                localCollectiveIncomeGrowth?: number;
                                districtFarmerIncomeGrowth?: number;
                            };
                        };
                    };
                    villages?: {
                        id: string;
                        name?: string;
                        attributes: {
                            needsExpressPoint: boolean;
                            hasEcommerceConditions: boolean;
                            retainedVillage?: boolean;
                        };
                        indicators?: {
                            [key: string]: {
                                specialtyIndustryCount?: number;
                                hasEcommerceExpressStation?: boolean;
                                collectiveIncomeCny?: number;
                                farmerPerCapitaIncomeCny?: number;
                                hasRoadAccess?: boolean;
                                hasPipedWaterSupply?: boolean;
                                hasGasSupply?: boolean;
                                hasBroadband?: boolean;
                                hasLogisticsExpress?: boolean;
                                tapWaterRate?: number;
                                drinkingWaterQualityCompliant?: boolean;
                                hasExpressServicePoint?: boolean;
                                garbageCollectionRate?: number;
                                sanitaryToiletRate?: number;
                                fecesTreatmentRate?: number;
                                toiletSurveyCompleted?: boolean;
                                qualityProblemToiletsOpen?: number;
                                technicalProblemToiletsOpen?: number;
                                technicalToiletRoadmap?: boolean;
                                villageRenovationDone?: boolean;
                                courtyardRenovationDone?: boolean;
                                maintenanceFunds?: boolean;
                                maintenanceTeam?: boolean;
                                maintenanceRules?: boolean;
                                onMaintenancePlatform?: boolean;
                                villagePlanApprovedOn?: string;
                                transitionFundsCny?: number;
                                industryFundShare?: number;
                                firstSecretaryStationed?: boolean;
                                workTeamStationed?: boolean;
                                weakPartyOrganization?: boolean;
                                affairsDisclosed?: boolean;
                                povertyMonitoringActive?: boolean;
                            };
                        };
                    }[];
                    households?: {
                        id: string;
                        villageId: string;
                        size: number;
                        annualNetIncomeCny?: number;
                        formerlyPoor?: boolean;
                        hasLaborCapacity?: boolean;
                        foodClothingSecured?: boolean;
                        compulsoryEducationSecured?: boolean;
                        basicMedicalSecured?: boolean;
                        housingSafe?: boolean;
                        drinkingWaterSafe?: boolean;
                    }[];
                };
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description The report as an xlsx workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable media type (not-acceptable) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large (payload-too-large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type (unsupported-media-type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input, spreadsheet, payload or event (every problem listed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluateBatch: {
        parameters: {
            query?: {
                /** @description The date to judge at, YYYY-MM-DD (default: today) */
                asOf?: string;
                /** @description Which results carry messages (default not-met) */
                explain?: "all" | "not-met" | "none";
            };
            header?: never;
            path: {
                plan: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {"id":"liuyang","attributes":{"needsExpressPoint":true,"hasEcommerceConditions":true},"indicators":{"2025":{"tapWaterRate":0.87,"collectiveIncomeCny":189000}}} */
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description One line per input line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["VillageEvaluation"];
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type (unsupported-media-type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input, spreadsheet, payload or event (every problem listed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    screenHouseholds: {
        parameters: {
            query?: {
                /** @description The date to judge at, YYYY-MM-DD (default: today) */
                asOf?: string;
            };
            header?: never;
            path: {
                plan: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {"id":"lh-001","villageId":"liuyang","size":4,"annualNetIncomeCny":58000}
                 *     {"id":"lh-002","villageId":"liuyang","size":2,"annualNetIncomeCny":9000,"hasLaborCapacity":false}
                 */
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description One line per input line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["HouseholdResult"];
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type (unsupported-media-type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input, spreadsheet, payload or event (every problem listed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sending the same key again applies the event once and answers the first result */
                "Idempotency-Key"?: string;
            };
            path: {
                plan: string;
                type: "village-plan" | "rectification" | "poverty-monitoring";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "subject": {
                 *         "village": "liuyang",
                 *         "household": "lh-001"
                 *       },
                 *       "event": {
                 *         "type": "FLAG",
                 *         "payload": {
                 *           "channel": "department-alert",
                 *           "riskTypes": [
                 *             "income"
                 *           ],
                 *           "note": ""
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StartBody"];
            };
        };
        responses: {
            /** @description Started (or the open instance of the subject took the event) */
            201: {
                headers: {
                    /** @description The instance version, for If-Match */
                    ETag?: string;
                    /** @description The instance */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionResult"];
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The principal lacks the grant or the scope (forbidden, out-of-scope) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused in this state (not-allowed-in-state, guard, conflict, plan-mismatch) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large (payload-too-large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input, spreadsheet, payload or event (every problem listed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchInstances: {
        parameters: {
            query?: {
                /** @description Workflow types, comma-separated: `village-plan`, `rectification`, `poverty-monitoring` */
                type?: string;
                /** @description States, comma-separated (e.g. `reported,rectifying`) */
                state?: string;
                /** @description The village id */
                village?: string;
                /** @description The township id */
                township?: string;
                /** @description The household id */
                household?: string;
                /** @description A unit id: instances assigned to it, or whose deadlines escalate to it */
                unit?: string;
                /** @description `true`: only instances with an overdue deadline; `false`: only those without */
                overdue?: string;
                /** @description Earliest deadline due before this date, YYYY-MM-DD */
                dueBefore?: string;
                /** @description Earliest deadline due after this date, YYYY-MM-DD */
                dueAfter?: string;
                /** @description Changed at or after this ISO 8601 date-time (with offset) or date (from its start, China time) */
                updatedSince?: string;
                /** @description Results a page, 1–500 (default 50) */
                limit?: string;
                /** @description The `next` of the previous page */
                cursor?: string;
                /** @description `true`: count the results of every page by state too (a pass over all of them) */
                counts?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of instances */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instances": [
                     *         {
                     *           "id": "c1a6a0de-5b1f-4f3e-9a57-0f4d2b7e8a11",
                     *           "type": "poverty-monitoring",
                     *           "state": "verifying",
                     *           "status": "active",
                     *           "subject": {
                     *             "village": "liuyang",
                     *             "township": "nianyushan",
                     *             "household": "lh-001"
                     *           },
                     *           "due": "2022-01-31",
                     *           "overdue": false,
                     *           "deadlines": [
                     *             {
                     *               "id": "identification",
                     *               "due": "2022-01-31",
                     *               "overdue": false,
                     *               "escalateTo": [
                     *                 "civil-affairs"
                     *               ]
                     *             }
                     *           ],
                     *           "version": 1,
                     *           "updatedAt": "2022-01-03T01:00:00.000Z"
                     *         }
                     *       ],
                     *       "next": "WyIyMDIyLTAxLTMxVDE2OjAwOjAwLjAwMFoiLCJjMWE2YTBkZS01YjFmLTRmM2UtOWE1Ny0wZjRkMmI3ZThhMTEiXQ",
                     *       "counts": {
                     *         "verifying": 3
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["InstancePage"];
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description Workflow types, comma-separated: `village-plan`, `rectification`, `poverty-monitoring` */
                type?: string;
                /** @description Results a page, 1–500 (default 50) */
                limit?: string;
                /** @description The `next` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tasks": [
                     *         {
                     *           "id": "c1a6a0de-5b1f-4f3e-9a57-0f4d2b7e8a11",
                     *           "type": "poverty-monitoring",
                     *           "state": "verifying",
                     *           "status": "active",
                     *           "subject": {
                     *             "village": "liuyang",
                     *             "township": "nianyushan",
                     *             "household": "lh-001"
                     *           },
                     *           "due": "2022-01-31",
                     *           "overdue": false,
                     *           "deadlines": [
                     *             {
                     *               "id": "identification",
                     *               "due": "2022-01-31",
                     *               "overdue": false,
                     *               "escalateTo": [
                     *                 "civil-affairs"
                     *               ]
                     *             }
                     *           ],
                     *           "version": 1,
                     *           "updatedAt": "2022-01-03T01:00:00.000Z",
                     *           "events": [
                     *             "FLAG",
                     *             "CONFIRM_RISK",
                     *             "REJECT_RISK"
                     *           ],
                     *           "escalated": false
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": components["schemas"]["TaskPage"];
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance */
            200: {
                headers: {
                    /** @description The instance version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceView"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sending the same key again applies the event once and answers the first result */
                "Idempotency-Key"?: string;
                /** @description The instance version (its ETag) the event is meant for; 412 when the instance has moved on */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "SUBMIT_DRAFT",
                 *       "payload": {
                 *         "draft": "liuyang-plan-v1"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["EventBody"];
            };
        };
        responses: {
            /** @description Applied (or replayed: `duplicate`) */
            200: {
                headers: {
                    /** @description The instance version, for If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionResult"];
                };
            };
            /** @description Bad request (invalid-request, invalid-json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The principal lacks the grant or the scope (forbidden, out-of-scope) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused in this state (not-allowed-in-state, guard, conflict, plan-mismatch) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names an older version (precondition-failed) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large (payload-too-large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input, spreadsheet, payload or event (every problem listed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAllowedEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        instanceId: string;
                        state: string;
                        events: string[];
                    };
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        instanceId: string;
                        entries: components["schemas"]["AuditEntry"][];
                    };
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicNotice"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    tick: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deadlines marked overdue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        overdue: {
                            instanceId: string;
                            deadline: {
                                id: string;
                                name: {
                                    zh: string;
                                    en: string;
                                };
                                due: string;
                                firesAt: string;
                                escalateTo: string[];
                                overdueAt?: string;
                            };
                        }[];
                    };
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The principal lacks the grant or the scope (forbidden, out-of-scope) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verification */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description No valid token (unauthenticated, invalid-token, token-expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The principal lacks the grant or the scope (forbidden, out-of-scope) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this principal, or for this address without a valid token (rate-limited) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
