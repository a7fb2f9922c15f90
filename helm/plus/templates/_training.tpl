{{/* The spec of a TrainingRun made from the training defaults and the schedule's template. */}}
{{- define "plus.trainingRunSpec" -}}
{{- $t := .Values.training -}}
{{- $s := $t.schedule -}}
{{- if not $s.tenants }}{{ fail "training.schedule.tenants needs at least one tenant to train on" }}{{ end -}}
tenants:
  {{- toYaml $s.tenants | nindent 2 }}
method: {{ $s.method }}
hyperParameters:
  {{- toYaml $s.hyperParameters | nindent 2 }}
data:
  {{- toYaml $s.data | nindent 2 }}
image: {{ include "plus.trainingImage" . }}
database:
  url: {{ required "postgresql.url is required" .Values.postgresql.url | quote }}
  credentialsSecret: {{ include "plus.dbSecret" . }}
modelStore:
  uri: {{ printf "file://%s" .Values.modelStore.mountPath }}
  persistentVolumeClaim: {{ include "plus.modelClaim" . }}
resources:
  requests:
    {{- toYaml $t.resources.requests | nindent 4 }}
  limits:
    {{- toYaml (merge (dict "nvidia.com/gpu" $t.gpus) (default (dict) $t.resources.limits)) | nindent 4 }}
{{- with $t.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $t.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
activeDeadlineSeconds: {{ $t.activeDeadlineSeconds }}
backoffLimit: {{ $t.backoffLimit }}
ttlSecondsAfterFinished: {{ $t.ttlSecondsAfterFinished }}
promotion:
  {{- toYaml $s.promotion | nindent 2 }}
{{- end -}}
