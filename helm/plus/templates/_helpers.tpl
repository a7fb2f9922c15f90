{{/* Names: the release's prefix for every object. */}}
{{- define "plus.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "plus.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels every object carries; "plus.selector" is the subset pods are selected by. */}}
{{- define "plus.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "plus.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: plus
{{- end -}}

{{- define "plus.selector" -}}
app.kubernetes.io/name: {{ include "plus.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "plus.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "plus.trainingImage" -}}
{{- default (printf "%s:%s-cuda" .Values.image.repository (default .Chart.AppVersion .Values.image.tag)) .Values.training.image -}}
{{- end -}}

{{/* Secret names: the user's, or the one this chart creates. */}}
{{- define "plus.dbSecret" -}}
{{- default (printf "%s-db" (include "plus.fullname" .)) .Values.postgresql.existingSecret -}}
{{- end -}}
{{- define "plus.redisSecret" -}}
{{- default (printf "%s-redis" (include "plus.fullname" .)) .Values.redis.existingSecret -}}
{{- end -}}
{{- define "plus.adminSecret" -}}
{{- default (printf "%s-admin" (include "plus.fullname" .)) .Values.admin.existingSecret -}}
{{- end -}}
{{- define "plus.modelClaim" -}}
{{- default (printf "%s-models" (include "plus.fullname" .)) .Values.modelStore.existingClaim -}}
{{- end -}}

{{/* The function Service that answers the model registry (/v1/models): score loads models. */}}
{{- define "plus.registryService" -}}
{{- printf "%s-score" (include "plus.fullname" .) -}}
{{- end -}}

{{/* Connection settings of every pod that talks to PostgreSQL and Redis, from Secrets. */}}
{{- define "plus.connectionEnv" -}}
- name: PLUS_DB_URL
  value: {{ required "postgresql.url is required: postgresql://host:port/database" .Values.postgresql.url | quote }}
- name: PLUS_DB_USER
  valueFrom: {secretKeyRef: {name: {{ include "plus.dbSecret" . }}, key: username}}
- name: PLUS_DB_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ include "plus.dbSecret" . }}, key: password}}
- name: PLUS_REDIS_URL
  value: {{ required "redis.url is required: redis://host:port" .Values.redis.url | quote }}
{{- if or .Values.redis.existingSecret .Values.redis.password }}
- name: QUARKUS_REDIS_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ include "plus.redisSecret" . }}, key: password}}
{{- end }}
{{- end -}}

{{/* Pod-level hardening shared by every pod of the chart. */}}
{{- define "plus.podSecurity" -}}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* The writable paths a read-only root filesystem leaves the JVM: /tmp (also DJL's caches). */}}
{{- define "plus.tmpVolume" -}}
- name: tmp
  emptyDir: {sizeLimit: 1Gi}
{{- end -}}
{{- define "plus.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{- define "plus.scheduling" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
